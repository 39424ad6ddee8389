using System.Net;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.PriceWatch.Competitors;

public sealed class CompetitorsTests(PriceWatchFactory api) : IClassFixture<PriceWatchFactory>
{
    const string Base = "/pricewatch/api/competitors";

    [Fact]
    public async Task Add_list_delete_with_the_plan_limit()
    {
        var t = await PwTenant.CreateAsync(api, "free");
        var c = t.Client();
        var first = await c.PostJson(Base, new { name = "Rival One", url = "https://one.example/", platform = "shopify" });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal("https://one.example", (string?)(await first.Json())["url"]);
        Assert.Equal(HttpStatusCode.Conflict, (await c.PostJson(Base, new { name = "Again", url = "https://one.example" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await c.PostJson(Base, new { name = "Rival Two", url = "https://two.example" })).StatusCode);
        var third = await c.PostJson(Base, new { name = "Rival Three", url = "https://three.example" });
        Assert.Equal(HttpStatusCode.Forbidden, third.StatusCode);
        Assert.Contains("allows 2 competitors", (string?)(await third.Json())["detail"]);

        var list = (await (await c.GetAsync(Base)).Json()).AsArray();
        Assert.Equal(2, list.Count);
        Assert.All(list, x => Assert.True((bool)x!["covered_by_plan"]!));
        Assert.Equal(HttpStatusCode.OK, (await c.DeleteAsync($"{Base}/{(string)list[0]!["id"]!}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await c.DeleteAsync($"{Base}/{(string)list[0]!["id"]!}")).StatusCode);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await c.PostJson(Base, new { name = "", url = "ftp://x" })).StatusCode);
        var member = await t.AddAsync("member");
        Assert.Equal(HttpStatusCode.Forbidden, (await t.Client(member).PostJson(Base, new { name = "M", url = "https://m.example" })).StatusCode);
        var other = await PwTenant.CreateAsync(api);
        Assert.Empty((await (await other.Client().GetAsync(Base)).Json()).AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client().DeleteAsync($"{Base}/{(string)list[1]!["id"]!}")).StatusCode);
    }

    [Fact]
    public async Task Alert_config_can_be_updated()
    {
        var t = await PwTenant.CreateAsync(api);
        var rsp = await t.Client().PutJson("/pricewatch/api/alerts/config", new { threshold_percent = 12.5, recipients = new[] { "Buyer@Example.com" } });
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        var got = await (await t.Client().GetAsync("/pricewatch/api/alerts/config")).Json();
        Assert.Equal(12.5m, (decimal)got["threshold_percent"]!);
        Assert.Equal("buyer@example.com", (string?)got["recipients"]![0]);
        Assert.True((bool)got["enabled"]!);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await t.Client().PutJson("/pricewatch/api/alerts/config", new { threshold_percent = -1 })).StatusCode);
        var viewer = await t.AddAsync("viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await t.Client(viewer).PutJson("/pricewatch/api/alerts/config", new { enabled = false })).StatusCode);
    }
}
