using System.Text.Json.Nodes;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.PriceWatch.Matching;

/// <summary>The API with <c>Integrations:OpenAi</c> pointing at the fake server (fails on any request mentioning "Kraft").</summary>
public sealed class OpenAiFactory : PriceWatchFactory
{
    protected override IDictionary<string, string?> More => new Dictionary<string, string?>
    {
        ["Integrations:OpenAi:BaseUrl"] = FakeOpenAi.BaseUrl("byname", out _), ["Integrations:OpenAi:ChatModel"] = "fake-chat",
        ["Integrations:OpenAi:EmbeddingModel"] = "fake-embed", ["Integrations:OpenAi:TimeoutSeconds"] = "5", ["PriceWatch:Ai:RetryDelayMs"] = "10",
    };
}

public sealed class OpenAiMatchingTests(OpenAiFactory api) : IClassFixture<OpenAiFactory>
{
    const string Base = "/pricewatch/api/match";

    static async Task<JsonNode> RunAsync(PwTenant t, string path, object body)
    {
        var session = (string)(await (await t.Client().PostJson(path, body)).Json())["session_id"]!;
        return await t.WaitForSessionAsync($"{Base}/status/{session}");
    }

    async Task<PwTenant> Catalog(string plan)
    {
        var t = await PwTenant.CreateAsync(api, plan);
        await t.Client().PostAsync("/pricewatch/api/profile/templates/packaging/apply", null);
        await PwData.SeedAsync(api, t.Id, "https://rival.example",
            ("Clear Mylar Bag 4in x 5in - 12-pack", 10, 12), ("Amber Plastic Jar 2oz", 3, 3), ("Kraft Box 6x9", 2, 2), ("Black Pop Top Tube 30 dram", 1, 1));
        var i = 0;
        foreach (var (title, price) in new[] { ("Clear Mylar Bag 4x5 12 pack", 11m), ("Amber Glass Jar 2 oz", 4m), ("Black Pop Top Tube 30dr", 1m) })
            await Pw.ExecAsync(api, t.Id, "insert into pricewatch.brand_products (tenant_id, shopify_variant_id, title, price) values (@t, @v, @n, @p)",
                ("t", t.Id), ("v", $"v{i++}"), ("n", title), ("p", price));
        return t;
    }

    [Fact]
    public async Task Ai_and_hybrid_use_the_chat_endpoint_and_the_session_names_it()
    {
        var t = await Catalog("pro");
        foreach (var method in new[] { "hybrid", "ai" })
        {
            var s = await RunAsync(t, Base, new { method });
            Assert.Equal("completed", (string?)s["status"]);
            Assert.Contains("OpenAI-compatible chat verifier (fake-chat)", (string?)s["engine"]);
            Assert.True((int)s["matches_found"]! >= 1);
        }
        // ai (last run): the chat verdicts decided (confidence 93 from the fake); the glass jar was refused against plastic
        Assert.Equal(93m, await Pw.ScalarAsync<decimal>(api, "select max(confidence) from pricewatch.product_matches where tenant_id = @t", ("t", t.Id)));
        Assert.Equal(0L, await Pw.ScalarAsync<long>(api, """
            select count(*) from pricewatch.product_matches m join pricewatch.product_tracking pt on pt.id = m.product_tracking_id
             where m.tenant_id = @t and pt.product_name like '%Plastic%'
            """, ("t", t.Id)));
    }

    [Fact]
    public async Task Backfill_uses_chat_on_ai_plans_with_per_item_local_fallback_said_in_the_session()
    {
        var pro = await Catalog("pro");
        var s = await RunAsync(pro, $"{Base}/backfill", new { limit = 100 });
        Assert.Equal("completed", (string?)s["status"]);
        Assert.Equal(7, (int)s["processed"]!);
        Assert.Contains("OpenAI-compatible chat extraction (fake-chat)", (string?)s["engine"]);
        Assert.Contains("local fallback for 1 of 7 items", (string?)s["engine"]);
        Assert.StartsWith("local fallback: OpenAI-compatible server answered 500; 1 of 7 items", (string?)s["message"]);
        Assert.Equal("ai", await Pw.ScalarAsync<string>(api, "select attributes->>'extracted_by' from pricewatch.brand_products where tenant_id = @t and title like 'Clear Mylar%'", ("t", pro.Id)));
        Assert.Equal("kraft", await Pw.ScalarAsync<string>(api, "select attributes->>'material' from pricewatch.product_tracking where tenant_id = @t and product_name like 'Kraft%'", ("t", pro.Id)));

        var free = await Catalog("free");
        var local = await RunAsync(free, $"{Base}/backfill", new { limit = 100 });
        Assert.Contains("local rule-based extraction", (string?)local["engine"]);
        Assert.Contains("Free plan has no AI matching", (string?)local["engine"]);
        Assert.Null(await Pw.ScalarAsync<object>(api, "select attributes->>'extracted_by' from pricewatch.brand_products where tenant_id = @t and title like 'Clear Mylar%'", ("t", free.Id)) as string);
    }

    [Fact]
    public async Task Embed_uses_the_embeddings_endpoint()
    {
        var t = await Catalog("enterprise");
        var s = await RunAsync(t, $"{Base}/embed", new { table = "brand_products" });
        Assert.Equal(3, (int)s["processed"]!);
        Assert.Contains("OpenAI-compatible embeddings (fake-embed)", (string?)s["engine"]);
        Assert.Equal(8, await Pw.ScalarAsync<int>(api, "select max(array_length(embedding, 1)) from pricewatch.brand_products where tenant_id = @t", ("t", t.Id)));
    }
}
