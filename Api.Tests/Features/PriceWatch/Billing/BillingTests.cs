using System.Net;
using System.Text;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.PriceWatch.Billing;

public sealed class BillingFactory : PriceWatchFactory
{
    public FakeStripe Stripe { get; } = new();
    protected override IDictionary<string, string?> More => new Dictionary<string, string?>
    {
        ["Integrations:Stripe:SecretKey"] = "sk_test_fake", ["Integrations:Stripe:BaseUrl"] = Stripe.Url,
        ["Integrations:Stripe:WebhookSecret"] = FakeStripe.WebhookSecret,
        ["Integrations:Stripe:Prices:pro"] = "price_pro_test", ["Integrations:Stripe:Prices:enterprise"] = "price_ent_test",
    };
}

public sealed class BillingTests(BillingFactory api) : IClassFixture<BillingFactory>
{
    const string Base = "/pricewatch/api/billing";

    async Task<HttpResponseMessage> Deliver(string body, string signature)
    {
        var req = new HttpRequestMessage(HttpMethod.Post, $"{Base}/webhook") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        req.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
        return await api.CreateClient().SendAsync(req);
    }

    async Task<string> Plan(PwTenant t) => (string)(await (await t.Client().GetAsync($"{Base}/subscription")).Json())["plan"]!;

    [Fact]
    public async Task Plans_subscription_and_usage()
    {
        var t = await PwTenant.CreateAsync(api);
        await PwData.SeedAsync(api, t.Id, "https://a.example");
        var plans = (await (await t.Client().GetAsync($"{Base}/plans")).Json()).AsArray();
        Assert.Equal(["free", "pro", "enterprise"], plans.Select(p => (string)p!["id"]!));
        Assert.Equal(4900, (int)plans[1]!["price"]!);
        Assert.Equal(-1, (int)plans[2]!["competitors_limit"]!);

        var sub = await (await t.Client().GetAsync($"{Base}/subscription")).Json();
        Assert.Equal("free", (string?)sub["plan"]);
        Assert.Equal(2, (int)sub["competitors_limit"]!);
        Assert.Equal(1, (int)sub["competitors_used"]!);
        Assert.False((bool)sub["features"]!["ai_matching"]!);
        Assert.Null(sub["features"]!["min_scrape_interval_hours"]);

        var usage = await (await t.Client().GetAsync($"{Base}/usage")).Json();
        Assert.Equal(50.0, (double)usage["competitors"]!["percent"]!);
        Assert.Equal("free", (string?)usage["plan"]);
    }

    [Fact]
    public async Task Checkout_creates_a_subscription_session_with_the_configured_price()
    {
        var t = await PwTenant.CreateAsync(api);
        var rsp = await t.Client().PostJson($"{Base}/checkout", new { plan = "pro" });
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        var checkout = await rsp.Json();
        Assert.Equal($"{api.Stripe.Url}/checkout/{(string)checkout["session_id"]!}", (string?)checkout["checkout_url"]);   // the sandbox's payment page
        Assert.StartsWith("cs_test_", (string?)checkout["session_id"]);
        var form = api.Stripe.Requests.Last(r => r.Path == "/v1/checkout/sessions").Form;
        Assert.Equal("subscription", form["mode"]);
        Assert.Equal("price_pro_test", form["line_items[0][price]"]);
        Assert.Equal(t.Id.ToString(), form["client_reference_id"]);
        Assert.Equal(t.Id.ToString(), form["subscription_data[metadata][tenant_id]"]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await t.Client().PostJson($"{Base}/checkout", new { plan = "gold" })).StatusCode);
        var member = await t.AddAsync("member");
        Assert.Equal(HttpStatusCode.Forbidden, (await t.Client(member).PostJson($"{Base}/checkout", new { plan = "pro" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await t.Client().PostAsync($"{Base}/portal", null)).StatusCode);
    }

    [Fact]
    public async Task Webhook_lifecycle_out_of_order_idempotent_and_signed()
    {
        var t = await PwTenant.CreateAsync(api);
        var sub = "sub_" + Guid.NewGuid().ToString("N")[..10];
        var cus = "cus_" + Guid.NewGuid().ToString("N")[..10];
        api.Stripe.Subscriptions[sub] = ("active", "price_pro_test", cus, t.Id.ToString());

        var (body, sig) = FakeStripe.Event("evt_" + sub + "_1", "checkout.session.completed",
            new { id = "cs_1", @object = "checkout.session", client_reference_id = t.Id.ToString(), customer = cus, subscription = sub, mode = "subscription" });
        var rsp = await Deliver(body, sig);
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        Assert.Equal("ok", (string?)(await rsp.Json())["status"]);
        Assert.Equal("pro", await Plan(t));

        // replay: applied once
        var replay = await (await Deliver(body, sig)).Json();
        Assert.Equal("duplicate", (string?)replay["outcome"]);

        // upgrade in Stripe; an older "updated" event arrives late but we read the current state
        api.Stripe.Subscriptions[sub] = ("active", "price_ent_test", cus, t.Id.ToString());
        var (late, lateSig) = FakeStripe.Event("evt_" + sub + "_2", "customer.subscription.updated",
            new { id = sub, @object = "subscription", customer = cus, status = "active", metadata = new { tenant_id = t.Id.ToString() } });
        Assert.Equal(HttpStatusCode.OK, (await Deliver(late, lateSig)).StatusCode);
        Assert.Equal("enterprise", await Plan(t));

        // payment fails
        api.Stripe.Subscriptions[sub] = ("past_due", "price_ent_test", cus, t.Id.ToString());
        var (failed, failedSig) = FakeStripe.Event("evt_" + sub + "_3", "invoice.payment_failed",
            new { id = "in_1", @object = "invoice", customer = cus, parent = new { subscription_details = new { subscription = sub } } });
        Assert.Equal(HttpStatusCode.OK, (await Deliver(failed, failedSig)).StatusCode);
        var current = await (await t.Client().GetAsync($"{Base}/subscription")).Json();
        Assert.Equal("past_due", (string?)current["status"]);

        // portal works now that there is a customer
        var portal = await t.Client().PostAsync($"{Base}/portal", null);
        Assert.StartsWith(api.Stripe.Url + "/portal/bps_", (string?)(await portal.Json())["portal_url"]);
        Assert.Equal(cus, api.Stripe.Requests.Last(r => r.Path == "/v1/billing_portal/sessions").Form["customer"]);

        // cancelled: back to free
        api.Stripe.Subscriptions[sub] = ("canceled", "price_ent_test", cus, t.Id.ToString());
        var (deleted, deletedSig) = FakeStripe.Event("evt_" + sub + "_4", "customer.subscription.deleted",
            new { id = sub, @object = "subscription", customer = cus, status = "canceled" });
        Assert.Equal(HttpStatusCode.OK, (await Deliver(deleted, deletedSig)).StatusCode);
        Assert.Equal("free", await Plan(t));

        // a late "updated" for the cancelled subscription does not resurrect it
        var (late2, late2Sig) = FakeStripe.Event("evt_" + sub + "_5", "customer.subscription.updated",
            new { id = sub, @object = "subscription", customer = cus, status = "active" });
        Assert.Equal(HttpStatusCode.OK, (await Deliver(late2, late2Sig)).StatusCode);
        Assert.Equal("free", await Plan(t));
    }

    [Fact]
    public async Task Tampered_unsigned_stale_and_foreign_deliveries_are_refused()
    {
        var t = await PwTenant.CreateAsync(api);
        var (body, sig) = FakeStripe.Event("evt_tamper", "checkout.session.completed",
            new { id = "cs_x", @object = "checkout.session", client_reference_id = t.Id.ToString(), customer = "cus_x", subscription = "sub_x" });
        var tampered = body.Replace("cus_x", "cus_y");
        var bad = await Deliver(tampered, sig);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("Invalid Stripe signature", (string?)(await bad.Json())["detail"]);
        Assert.Equal(HttpStatusCode.BadRequest, (await Deliver(body, "")).StatusCode);
        var old = FakeStripe.Event("evt_old", "checkout.session.completed", new { id = "cs_x" }, DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeSeconds());
        Assert.Equal(HttpStatusCode.BadRequest, (await Deliver(old.Body, old.Signature)).StatusCode);
        var foreign = FakeStripe.Event("evt_foreign", "checkout.session.completed", new { id = "cs_x" }, secret: "whsec_someone_else");
        Assert.Equal(HttpStatusCode.BadRequest, (await Deliver(foreign.Body, foreign.Signature)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Deliver("not json", sig)).StatusCode);
        Assert.Equal("free", await Plan(t));
        Assert.Equal(0L, await Pw.ScalarAsync<long>(api, "select count(*) from pricewatch.stripe_events where id in ('evt_tamper', 'evt_old', 'evt_foreign')"));

        // unhandled types are acknowledged
        var other = FakeStripe.Event("evt_other_" + Guid.NewGuid().ToString("N")[..6], "customer.created", new { id = "cus_z", @object = "customer" });
        Assert.Equal("ignored_type", (string?)(await (await Deliver(other.Body, other.Signature)).Json())["outcome"]);
    }

    [Fact]
    public async Task Stripe_failures_are_502_not_500()
    {
        var t = await PwTenant.CreateAsync(api);
        api.Stripe.Fail = true;
        try { Assert.Equal(HttpStatusCode.BadGateway, (await t.Client().PostJson($"{Base}/checkout", new { plan = "enterprise" })).StatusCode); }
        finally { api.Stripe.Fail = false; }
    }
}

public sealed class NoStripeTests(PriceWatchFactory api) : IClassFixture<PriceWatchFactory>
{
    [Fact]
    public async Task Without_stripe_billing_answers_503()
    {
        var t = await PwTenant.CreateAsync(api);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await t.Client().PostJson("/pricewatch/api/billing/checkout", new { plan = "pro" })).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await api.CreateClient().PostAsync("/pricewatch/api/billing/webhook", new StringContent("{}"))).StatusCode);
    }
}
