using System.Net;
using Api.Features.AdPriority;
using Api.Infrastructure.Security;
using Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Features.AdPriority.Billing;

/// <summary>Subscribe / return callback / status against a fake Shopify Billing API; the plan's limits follow the activated plan.</summary>
public sealed class BillingTests(ShopifyBackedApi api) : IClassFixture<ShopifyBackedApi>
{
    async Task<(Guid Id, string Shop)> InstallWithToken(string plan)
    {
        var (id, shop) = await api.InstallAsync(plan: plan);
        var enc = api.Services.GetRequiredService<SecretBox>().Encrypt(FakeShopify.AccessToken, Tenant.TokenAssociatedData(id));
        await api.ExecAsync(id, $"update adpriority.tenants set access_token_enc = '{enc}' where id = '{id}'");
        return (id, shop);
    }

    [Fact]
    public async Task Subscribe_approve_callback_activates_the_plan_and_its_limits()
    {
        var (id, shop) = await InstallWithToken("starter");
        var c = api.ClientFor(shop);
        var winter = (string)(await (await c.GetAsync("/adpriority/api/seasons")).Json())["seasons"]![0]!["id"]!;
        Assert.Equal("PLAN_LIMIT", await (await c.PutCamel($"/adpriority/api/seasons/{winter}", new { startMonth = 12 })).ErrorCode());

        var rsp = await c.PostCamel("/adpriority/api/billing/subscribe", new { plan = "pro" });
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        Assert.Equal("10", rsp.Headers.GetValues("X-RateLimit-Limit").Single());
        var body = await rsp.Json();
        var chargeId = (long)body["chargeId"]!;
        Assert.Equal("199.00", (string?)body["price"]);
        Assert.Equal(14, (int)body["trialDays"]!);
        Assert.StartsWith(api.Shopify.ShopUrl(shop) + "/admin/charges/confirm", (string)body["confirmationUrl"]!);
        Assert.Equal($"https://app.adpriority.test/adpriority/api/billing/callback?shop={shop}", (string?)api.Shopify.Charges[chargeId]["return_url"]);

        var status = await (await c.GetAsync("/adpriority/api/billing/status")).Json();
        Assert.Equal("starter", (string?)status["plan"]);
        Assert.Equal("pending", (string?)status["status"]);
        Assert.Equal(chargeId, (long)status["pendingCharge"]!["chargeId"]!);
        Assert.Equal(500, (int)status["features"]!["maxProducts"]!);

        // back from Shopify before approving: nothing changes
        var anon = api.CreateClient();
        var early = await (await anon.GetAsync($"/adpriority/api/billing/callback?shop={shop}&charge_id={chargeId}")).Json();
        Assert.Equal("pending", (string?)early["status"]);
        Assert.Equal("starter", await api.ScalarAsync<string>(id, $"select plan_tier from adpriority.tenants where id = '{id}'"));

        api.Shopify.Approve(chargeId);
        var done = await anon.GetAsync($"/adpriority/api/billing/callback?shop={shop}&charge_id={chargeId}");
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var d = await done.Json();
        Assert.Equal("active", (string?)d["status"]);
        Assert.Equal("pro", (string?)d["plan"]);
        Assert.NotNull((string?)d["trialEndsAt"]);
        Assert.Contains(api.Shopify.Requests, r => r == $"GET /admin/api/2024-10/recurring_application_charges/{chargeId}.json");

        status = await (await c.GetAsync("/adpriority/api/billing/status")).Json();
        Assert.Equal("pro", (string?)status["plan"]);
        Assert.Equal("active", (string?)status["status"]);
        Assert.Null(status["features"]!["maxProducts"]);
        Assert.True((bool)status["features"]!["googleAdsIntegration"]!);
        Assert.Equal("hourly", (string?)status["features"]!["syncFrequency"]);
        Assert.Null(status["pendingCharge"]);
        Assert.Equal(HttpStatusCode.OK, (await c.PutCamel($"/adpriority/api/seasons/{winter}", new { startMonth = 12 })).StatusCode);

        // downgrade: the old charge is replaced and the starter limits apply again
        var down = (long)(await (await c.PostCamel("/adpriority/api/billing/subscribe", new { plan = "starter" })).Json())["chargeId"]!;
        api.Shopify.Approve(down);
        Assert.Equal("starter", (string?)(await (await anon.GetAsync($"/adpriority/api/billing/callback?shop={shop}&charge_id={down}")).Json())["plan"]);
        Assert.Equal("replaced", await api.ScalarAsync<string>(id, $"select status from adpriority.subscriptions where charge_id = {chargeId} and tenant_id = '{id}'"));
        Assert.Equal("PLAN_LIMIT", await (await c.PutCamel($"/adpriority/api/seasons/{winter}", new { startMonth = 11 })).ErrorCode());
        // replaying the return URL changes nothing
        Assert.Equal("replaced", (string?)(await (await anon.GetAsync($"/adpriority/api/billing/callback?shop={shop}&charge_id={chargeId}")).Json())["status"]);
        Assert.Equal("starter", await api.ScalarAsync<string>(id, $"select plan_tier from adpriority.tenants where id = '{id}'"));
    }

    [Fact]
    public async Task Declined_charge_is_recorded_and_the_plan_stays()
    {
        var (id, shop) = await InstallWithToken("growth");
        var c = api.ClientFor(shop);
        var chargeId = (long)(await (await c.PostCamel("/adpriority/api/billing/subscribe", new { plan = "pro" })).Json())["chargeId"]!;
        api.Shopify.Charges[chargeId]["status"] = "declined";
        var d = await (await api.CreateClient().GetAsync($"/adpriority/api/billing/callback?shop={shop}&charge_id={chargeId}")).Json();
        Assert.Equal("declined", (string?)d["status"]);
        Assert.Equal("growth", await api.ScalarAsync<string>(id, $"select plan_tier from adpriority.tenants where id = '{id}'"));
    }

    [Fact]
    public async Task Another_shop_cannot_activate_a_charge_it_did_not_create()
    {
        var (_, shopA) = await InstallWithToken("starter");
        var (idB, shopB) = await InstallWithToken("starter");
        var chargeId = (long)(await (await api.ClientFor(shopA).PostCamel("/adpriority/api/billing/subscribe", new { plan = "pro" })).Json())["chargeId"]!;
        api.Shopify.Approve(chargeId);
        var rsp = await api.CreateClient().GetAsync($"/adpriority/api/billing/callback?shop={shopB}&charge_id={chargeId}");
        Assert.Equal(HttpStatusCode.NotFound, rsp.StatusCode);
        Assert.Equal("NOT_FOUND", await rsp.ErrorCode());
        Assert.Equal("starter", await api.ScalarAsync<string>(idB, $"select plan_tier from adpriority.tenants where id = '{idB}'"));
        var b = await (await api.ClientFor(shopB).GetAsync("/adpriority/api/billing/status")).Json();
        Assert.Null(b["pendingCharge"]);
    }

    [Fact]
    public async Task Bad_input_missing_token_and_no_session()
    {
        var (_, shop) = await api.InstallAsync(plan: "starter");   // never finished OAuth: no token
        var c = api.ClientFor(shop);
        var bad = await c.PostCamel("/adpriority/api/billing/subscribe", new { plan = "gold" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("VALIDATION_ERROR", await bad.ErrorCode());
        var noToken = await c.PostCamel("/adpriority/api/billing/subscribe", new { plan = "growth" });
        Assert.Equal(HttpStatusCode.Conflict, noToken.StatusCode);
        Assert.Equal("SHOP_NOT_CONNECTED", await noToken.ErrorCode());
        Assert.Equal(HttpStatusCode.BadRequest, (await api.CreateClient().GetAsync("/adpriority/api/billing/callback?shop=evil.com&charge_id=1")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.CreateClient().GetAsync($"/adpriority/api/billing/callback?shop={shop}&charge_id=abc")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.CreateClient().GetAsync($"/adpriority/api/billing/callback?shop={shop}&charge_id=999")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().GetAsync("/adpriority/api/billing/status")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().PostCamel("/adpriority/api/billing/subscribe", new { plan = "pro" })).StatusCode);
    }
}
