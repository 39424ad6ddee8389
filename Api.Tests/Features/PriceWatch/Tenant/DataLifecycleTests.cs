using System.Net;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.PriceWatch.Tenant;

public sealed class DataLifecycleTests(PriceWatchFactory api) : IClassFixture<PriceWatchFactory>
{
    [Fact]
    public async Task Export_streams_every_table_of_this_tenant_only()
    {
        var t = await PwTenant.CreateAsync(api);
        var other = await PwTenant.CreateAsync(api);
        await PwData.SeedAsync(api, t.Id, "https://a.example", ("Jar 2oz", 10, 11), ("Bag 4x5", 5, 5));
        await PwData.SeedAsync(api, other.Id, "https://b.example", ("Other secret", 1, 2));
        await t.Client().PostAsync("/pricewatch/api/profile/templates/packaging/apply", null);

        var rsp = await t.Client().GetAsync("/pricewatch/api/tenant/data/export");
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        var text = await rsp.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Other secret", text);
        var body = System.Text.Json.Nodes.JsonNode.Parse(text)!;
        var tables = body["tables"]!.AsObject();
        Assert.Equal(13, tables.Count);
        Assert.Equal(2, tables["product_tracking"]!.AsArray().Count);
        Assert.Equal(4, tables["price_history"]!.AsArray().Count);
        Assert.Single(tables["industry_profiles"]!.AsArray());
        Assert.Equal(4, (int)body["row_counts"]!["price_history"]!);

        var member = await t.AddAsync("member");
        Assert.Equal(HttpStatusCode.Forbidden, (await t.Client(member).GetAsync("/pricewatch/api/tenant/data/export")).StatusCode);
    }

    [Fact]
    public async Task Delete_removes_all_data_in_one_transaction_and_keeps_the_tenant()
    {
        var t = await PwTenant.CreateAsync(api);
        var other = await PwTenant.CreateAsync(api);
        await PwData.SeedAsync(api, t.Id, "https://a.example", ("Jar 2oz", 10, 12));
        await PwData.SeedAsync(api, other.Id, "https://b.example", ("Kept", 1, 2));
        await t.Client().PostAsync("/pricewatch/api/alerts/evaluate", null);
        await t.Client().PutJson("/pricewatch/api/tenant/credentials", new { shopify_token = "tok" });
        var admin = await t.AddAsync("admin");
        Assert.Equal(HttpStatusCode.Forbidden, (await t.Client(admin).DeleteAsync("/pricewatch/api/tenant/data")).StatusCode);

        var rsp = await t.Client().DeleteAsync("/pricewatch/api/tenant/data");
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        var deleted = (await rsp.Json())["deleted"]!;
        Assert.Equal(1, (int)deleted["competitors"]!);
        Assert.Equal(1, (int)deleted["alert_history"]!);
        Assert.Equal(0L, await Pw.ScalarAsync<long>(api, "select count(*) from pricewatch.product_tracking where tenant_id = @t", ("t", t.Id)));
        Assert.Equal(0L, await Pw.ScalarAsync<long>(api, "select count(*) from pricewatch.tenant_credentials where tenant_id = @t", ("t", t.Id)));
        Assert.Equal(1L, await Pw.ScalarAsync<long>(api, "select count(*) from pricewatch.tenants where id = @t", ("t", t.Id)));
        Assert.Equal(1L, await Pw.ScalarAsync<long>(api, "select count(*) from pricewatch.product_tracking where tenant_id = @t", ("t", other.Id)));
        Assert.Equal(HttpStatusCode.OK, (await t.Client().GetAsync("/pricewatch/api/team/me")).StatusCode);
    }
}
