using System.Net;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.PriceWatch.Alerts;

public sealed class AlertsTests(PriceWatchFactory api) : IClassFixture<PriceWatchFactory>
{
    [Fact]
    public async Task Evaluate_records_changes_beyond_the_threshold_once_and_notifies()
    {
        var t = await PwTenant.CreateAsync(api);
        await PwData.SeedAsync(api, t.Id, "https://a.example", ("Big drop", 100, 80), ("Tiny move", 100, 101), ("Rise", 10, 12));
        var c = t.Client();
        var config = await (await c.GetAsync("/pricewatch/api/alerts/config")).Json();
        Assert.Equal(5m, (decimal)config["threshold_percent"]!);

        var first = await (await c.PostAsync("/pricewatch/api/alerts/evaluate", null)).Json();
        Assert.Equal(2, (int)first["alerts_created"]!);
        Assert.True((bool)first["notified"]!);
        var again = await (await c.PostAsync("/pricewatch/api/alerts/evaluate", null)).Json();
        Assert.Equal(0, (int)again["alerts_created"]!);

        var history = (await (await c.GetAsync("/pricewatch/api/alerts/history")).Json()).AsArray();
        Assert.Equal(2, history.Count);
        var drop = history.Single(h => (string?)h!["product_name"] == "Big drop")!;
        Assert.Equal(-20m, (decimal)drop["change_percent"]!);
        Assert.Equal("down", (string?)drop["direction"]);
        Assert.True((bool)drop["notified"]!);
        Assert.Equal(1L, await Pw.ScalarAsync<long>(api, "select count(*) from platform.mail_outbox where tenant_id = @t and category = 'pricewatch.alert'", ("t", t.Id.ToString())));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await c.GetAsync("/pricewatch/api/alerts/history?limit=0")).StatusCode);
        var other = await PwTenant.CreateAsync(api);
        Assert.Empty((await (await other.Client().GetAsync("/pricewatch/api/alerts/history")).Json()).AsArray());
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().PostAsync("/pricewatch/api/alerts/evaluate", null)).StatusCode);
    }
}
