using System.Net;
using System.Text.Json.Nodes;
using Api.Infrastructure.Demo;
using Api.Infrastructure.Integrations.Sandbox;
using Api.Tests.Features.PriceWatch;
using Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Platform.Sandbox;

public sealed class PriceWatchSandboxApi : PriceWatchFactory
{
    public string SandboxUrl { get; } = SandboxTesting.FreeUrl();
    protected override IDictionary<string, string?> More => SandboxTesting.Settings(SandboxUrl);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        SandboxTesting.RouteDeliveries(builder, this);
    }
}

/// <summary>PriceWatch's journeys through the sandbox, with no Stripe account and no reachable competitor: checkout to a paid plan and back, and demo scrapes that raise alerts.</summary>
public sealed class PriceWatchJourneyTests(PriceWatchSandboxApi api) : IClassFixture<PriceWatchSandboxApi>
{
    const string Billing = "/pricewatch/api/billing";

    [Fact]
    public async Task Checkout_in_the_sandbox_moves_the_workspace_to_the_paid_plan_and_the_portal_cancels_it()
    {
        var t = await PwTenant.CreateAsync(api);
        using var browser = SandboxTesting.Browser();

        var checkout = await t.Client().PostJson($"{Billing}/checkout", new { plan = "pro" });
        Assert.Equal(HttpStatusCode.OK, checkout.StatusCode);
        var url = (string)(await checkout.Json())["checkout_url"]!;
        Assert.StartsWith(api.SandboxUrl + "/stripe/checkout/cs_test_", url);

        var page = await browser.GetAsync(url);   // what the user's browser opens
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Pay", await page.Content.ReadAsStringAsync());

        var paid = await (await browser.PostAsync(url + "/complete", null)).Json();   // the documented POST (the Pay button)
        Assert.Equal("complete", (string?)paid["status"]);
        Assert.All(paid["deliveries"]!.AsArray(), d => Assert.Equal(200, (int)d!["status"]!));   // signed events accepted by the webhook

        var sub = await (await t.Client().GetAsync($"{Billing}/subscription")).Json();
        Assert.Equal("pro", (string?)sub["plan"]);
        Assert.Equal("active", (string?)sub["status"]);
        Assert.Equal(1L, await Pw.ScalarAsync<long>(api, "select count(*) from pricewatch.stripe_events where tenant_id = @t and type = 'checkout.session.completed'", ("t", t.Id)));
        Assert.Equal(HttpStatusCode.Conflict, (await t.Client().PostJson($"{Billing}/checkout", new { plan = "pro" })).StatusCode);

        var portal = await t.Client().PostAsync($"{Billing}/portal", null);
        Assert.Equal(HttpStatusCode.OK, portal.StatusCode);
        var portalUrl = (string)(await portal.Json())["portal_url"]!;
        Assert.StartsWith(api.SandboxUrl + "/stripe/portal/", portalUrl);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(portalUrl)).StatusCode);
        var canceled = await (await browser.PostAsync(portalUrl + "/cancel", null)).Json();
        Assert.Equal(200, (int)canceled["canceled"]![0]!["status"]!);
        Assert.Equal("free", (string?)(await (await t.Client().GetAsync($"{Billing}/subscription")).Json())["plan"]);
    }

    [Fact]
    public async Task The_pay_button_redirects_the_browser_to_the_success_url()
    {
        var t = await PwTenant.CreateAsync(api);
        using var browser = SandboxTesting.Browser();
        var url = (string)(await (await t.Client().PostJson($"{Billing}/checkout", new { plan = "enterprise" })).Json())["checkout_url"]!;
        var rsp = await browser.PostAsync(url + "/complete", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.Redirect, rsp.StatusCode);
        Assert.EndsWith("/billing?checkout=success", rsp.Headers.Location!.ToString());
        Assert.Equal("enterprise", (string?)(await (await t.Client().GetAsync($"{Billing}/subscription")).Json())["plan"]);
    }

    [Fact]
    public async Task Demo_competitors_are_sandbox_storefronts_whose_moving_prices_raise_alerts()
    {
        await DemoData.SeedAsync(api.Services, CancellationToken.None);
        var url = await Pw.ScalarAsync<string>(api, "select url from pricewatch.competitors where id = @c", ("c", Api.Features.PriceWatch.Demo.Seeder.AcmeCompetitors[0]));
        Assert.Equal(api.SandboxUrl + "/stores/shop/packrightsupply", url);
        Assert.Equal(api.SandboxUrl + "/stores/ld/jarworld/catalog",
            await Pw.ScalarAsync<string>(api, "select url from pricewatch.competitors where id = @c", ("c", Api.Features.PriceWatch.Demo.Seeder.AcmeCompetitors[1])));

        var t = await PwTenant.CreateAsync(api, "pro");
        var name = "journey-" + Guid.NewGuid().ToString("N")[..6];
        foreach (var (u, platform) in new[] { ($"{api.SandboxUrl}/stores/shop/{name}", "shopify"), ($"{api.SandboxUrl}/stores/ld/{name}-ld/catalog", "generic") })
            await Pw.ExecAsync(api, t.Id, "insert into pricewatch.competitors (id, tenant_id, name, url, platform) values (gen_random_uuid(), @t, 'Rival', @u, @p)",
                ("t", t.Id), ("u", u), ("p", platform));

        async Task<JsonNode> Scrape()
        {
            var task = await (await t.Client().PostJson("/pricewatch/api/scrape", new { })).Json();
            return await t.WaitForSessionAsync($"/pricewatch/api/scrape/status/{(string)task["session_id"]!}");
        }

        var first = await Scrape();
        Assert.Equal("completed", (string?)first["status"]);
        Assert.Equal(2, (int)first["successful_scrapes"]!);
        Assert.Equal(40, (int)first["total_products"]!);
        Assert.Empty((await (await t.Client().GetAsync("/pricewatch/api/alerts/history")).Json()).AsArray());

        var second = await Scrape();
        Assert.Equal("completed", (string?)second["status"]);
        var alerts = (await (await t.Client().GetAsync("/pricewatch/api/alerts/history")).Json()).AsArray();
        Assert.NotEmpty(alerts);
        Assert.Equal(1, api.Services.GetRequiredService<StoresSandbox>().Step(name));
    }
}
