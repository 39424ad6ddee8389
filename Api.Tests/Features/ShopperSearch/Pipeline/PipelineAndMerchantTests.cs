namespace Api.Tests.Features.ShopperSearch.Pipeline;

public sealed class PipelineAndMerchantTests(ShopperApi api) : IClassFixture<ShopperApi>
{
    const long M = 424242;

    [Fact]
    public async Task A_completed_pipeline_reports_100_percent_with_real_start_and_end_times()
    {
        await api.SeedAsync();
        var (status, demo) = await api.Merchant(Shopper.Demo).Send(HttpMethod.Get, $"/api/v1/pipeline/status/{Shopper.Demo}");
        Assert.Equal(200, status);
        Assert.Equal("completed", (string?)demo["status"]);
        Assert.Equal(100.0, (double)demo["progress_percentage"]!);
        Assert.True((DateTimeOffset)demo["started_at"]! < (DateTimeOffset)demo["completed_at"]!);

        // a push merchant on a Shopify domain skips the Shopify steps, and its completed run is still 100 %
        const long push = 424243;
        var c = api.Merchant(push);
        await c.Post("/api/v1/pipeline/status", new { merchant_id = push, current_step = "enrichment_dev", shop_domain = "push.myshopify.com" });
        var (_, done) = await c.Send(HttpMethod.Put, $"/api/v1/pipeline/status/{push}", new { completed_step = "enrichment_dev", status = "completed" });
        Assert.Equal("completed", (string?)done["status"]);
        Assert.Equal(100.0, (double)done["progress_percentage"]!);
    }

    [Fact]
    public async Task Pipeline_status_lifecycle()
    {
        var c = api.Merchant(M);
        var (s1, created) = await c.Post("/api/v1/pipeline/status", new { merchant_id = M, current_step = "shopify_etl_dev", shop_domain = "store.myshopify.com" });
        Assert.Equal(200, s1);
        Assert.Equal("running", (string?)created["status"]);
        Assert.Equal(0.0, (double)created["progress_percentage"]!);
        Assert.Empty(created["completed_steps"]!.AsArray());

        var (s2, updated) = await c.Send(HttpMethod.Put, $"/api/v1/pipeline/status/{M}", new { current_step = "enrichment_dev", completed_step = "shopify_etl_dev" });
        Assert.Equal(200, s2);
        Assert.Equal(["enrichment_dev", "shopify_etl_dev"], updated["completed_steps"]!.AsArray().Select(s => (string)s!));
        Assert.Equal(28.57, (double)updated["progress_percentage"]!);

        var (_, failed) = await c.Send(HttpMethod.Put, $"/api/v1/pipeline/status/{M}", new { error_message = "boom" });
        Assert.Equal("failed", (string?)failed["status"]);
        Assert.Equal("boom", (string?)failed["error_message"]);

        var (_, reset) = await c.Post("/api/v1/pipeline/status", new { merchant_id = M, current_step = "shopify_etl_dev" });
        Assert.Equal("running", (string?)reset["status"]);
        Assert.Empty(reset["completed_steps"]!.AsArray());
        Assert.Null(reset["error_message"]);

        var (s3, got) = await c.Send(HttpMethod.Get, $"/api/v1/pipeline/status/{M}");
        Assert.Equal(200, s3);
        Assert.Equal("store.myshopify.com", (string?)got["shop_domain"]);

        var (_, del) = await c.Send(HttpMethod.Delete, $"/api/v1/pipeline/status/{M}");
        Assert.Equal("deleted", (string?)del["status"]);
        var (s4, again) = await c.Send(HttpMethod.Delete, $"/api/v1/pipeline/status/{M}");
        Assert.Equal(200, s4);
        Assert.Equal("not_found", (string?)again["status"]);
        Assert.Equal($"No pipeline status found for merchant {M}", (string?)again["message"]);
        var (s5, nf) = await c.Send(HttpMethod.Get, $"/api/v1/pipeline/status/{M}");
        Assert.Equal(404, s5);
        Assert.Equal("Pipeline status not found for this merchant", (string?)nf["detail"]);
        Assert.Equal(404, (await c.Send(HttpMethod.Put, $"/api/v1/pipeline/status/{M}", new { status = "completed" })).Status);
    }

    [Fact]
    public async Task Cross_merchant_pipeline_access_is_refused()
    {
        var c = api.Merchant(M);
        var (s1, b1) = await c.Post("/api/v1/pipeline/status", new { merchant_id = M + 1 });
        Assert.Equal(400, s1);
        Assert.Equal("Merchant ID in header must match merchant_id in request body", (string?)b1["detail"]);
        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Put, HttpMethod.Delete })
        {
            var (s, b) = await c.Send(method, $"/api/v1/pipeline/status/{Shopper.Demo}", method == HttpMethod.Put ? new { status = "failed" } : null);
            Assert.Equal(403, s);
            Assert.Equal("Access denied to this merchant's pipeline status", (string?)b["detail"]);
        }
        Assert.Equal(422, (await c.Send(HttpMethod.Put, $"/api/v1/pipeline/status/{M}", new { status = "exploded" })).Status);
    }

    [Fact]
    public async Task Merchant_data_delete_removes_exactly_the_documented_tables()
    {
        await api.SeedAsync();
        var c = api.Browser(Shopper.Other);
        await c.Post("/api/v0/product/search/text", new { query_str = "linen shirt" });   // leaves a search_results row
        var (s0, cross) = await c.Send(HttpMethod.Delete, $"/api/v1/merchant/{Shopper.Demo}/data");
        Assert.Equal(403, s0);
        Assert.Equal("Access denied to this merchant's data", (string?)cross["detail"]);
        var (s1, bad) = await c.Send(HttpMethod.Delete, "/api/v1/merchant/0/data");
        Assert.Equal(400, s1);
        Assert.Equal("Invalid merchant_id: 0", (string?)bad["detail"]);

        var (status, body) = await c.Send(HttpMethod.Delete, $"/api/v1/merchant/{Shopper.Other}/data");
        Assert.Equal(200, status);
        Assert.Equal("deleted", (string?)body["status"]);
        Assert.Equal(3, (int)body["deleted_counts"]!["products"]!);
        foreach (var k in new[] { "user_preferences", "user_greetings", "user_profile", "product_synonyms", "pipeline_status" })
            Assert.NotNull(body["deleted_counts"]![k]);

        await using var conn = api.OwnerConnection();
        await conn.OpenAsync();
        async Task<long> Count(string sql) { await using var cmd = new Npgsql.NpgsqlCommand(sql, conn); return (long)(await cmd.ExecuteScalarAsync())!; }
        Assert.Equal(0, await Count($"select count(*) from shopper.products where merchant_id = {Shopper.Other}"));
        Assert.Equal(1, await Count($"select count(*) from shopper.merchant_info where merchant_id = {Shopper.Other}"));
        Assert.True(await Count($"select count(*) from shopper.search_results where merchant_id = {Shopper.Other}") >= 1);
        Assert.Equal(30, await Count($"select count(*) from shopper.products where merchant_id = {Shopper.Demo}"));
    }
}

public sealed class MerchantDeleteDisabledTests(ApiFactoryWithoutDeletion api) : IClassFixture<ApiFactoryWithoutDeletion>
{
    [Fact]
    public async Task Deletion_is_403_when_the_flag_is_off()
    {
        var (status, body) = await api.Browser(5).Send(HttpMethod.Delete, "/api/v1/merchant/5/data");
        Assert.Equal(403, status);
        Assert.StartsWith("Merchant data deletion is disabled. Set DELETE_MERCHANT_DATA_ON_UNINSTALL=true", (string?)body["detail"]);
    }
}

public sealed class ApiFactoryWithoutDeletion : Api.Tests.Infrastructure.ApiFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["ShopperSearch:Cors:AllowedOrigins:0"] = "https://shop.example.com" };
}
