using System.Net;
using System.Text;
using Api.Infrastructure.Security;
using Api.Tests.Features.Wholesale.Orders;
using Api.Tests.Infrastructure;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Features.Wholesale.Payments;

public sealed class PaymentsFactory : OrdersFactory
{
    public FakeWsStripe Stripe { get; } = new();
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Wholesale:Stripe:SecretKey"] = "sk_test_wholesale_fake", ["Wholesale:Stripe:BaseUrl"] = Stripe.Url,
        ["Wholesale:Stripe:WebhookSecret"] = FakeWsStripe.WebhookSecret,
    };
}

public sealed class CardPaymentTests(PaymentsFactory api) : IClassFixture<PaymentsFactory>
{
    const string Pay = $"{WsKit.Base}/api/payments";

    [Fact]
    public async Task Create_intent_charges_the_order_balance_and_ignores_a_different_amount()
    {
        var (number, total) = await OrderKit.OrderAsync(api, price: 12.5m, qty: 3);
        var rsp = await api.CreateClient().PostJson($"{Pay}/create-intent", new { amount = 1.00m, order_number = number, customer_name = "Pat" });
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        var body = await rsp.Json();
        Assert.True((bool)body["success"]!);
        Assert.Equal(total, (decimal)body["amount"]!);
        var id = (string)body["payment_intent_id"]!;
        Assert.StartsWith(id, (string)body["client_secret"]!);
        var sent = api.Stripe.Requests.Last(r => r.Path == "/v1/payment_intents").Form;
        Assert.Equal(((long)(total * 100)).ToString(), sent["amount"]);
        Assert.Equal(number, sent["metadata[order_number]"]);
        Assert.Equal(id, await api.Scalar<string>("select stripe_payment_intent_id from wholesale.orders where order_number = $1", number));

        var free = await api.CreateClient().PostJson($"{Pay}/create-intent", new { amount = 12.34m });
        Assert.Equal(HttpStatusCode.OK, free.StatusCode);
        Assert.Equal("1234", api.Stripe.Requests.Last(r => r.Path == "/v1/payment_intents").Form["amount"]);

        var threeDecimals = await api.CreateClient().PostJson($"{Pay}/create-intent", new { amount = 12.345m });
        Assert.Equal(HttpStatusCode.BadRequest, threeDecimals.StatusCode);
        Assert.NotNull((await threeDecimals.Json())["details"]!["amount"]);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.CreateClient().PostJson($"{Pay}/create-intent", new { amount = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.CreateClient().PostJson($"{Pay}/create-intent", new { order_number = number })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.CreateClient().PostJson($"{Pay}/create-intent", new { amount = 5, order_number = "LLD-NOSUCHORDR" })).StatusCode);
    }

    [Fact]
    public async Task Confirm_marks_paid_once_when_Stripe_shows_the_intent_succeeded_for_this_order_and_amount()
    {
        var (number, total) = await OrderKit.OrderAsync(api, price: 20m);
        var (other, _) = await OrderKit.OrderAsync(api, price: 20m);
        var cents = (long)(total * 100);

        async Task<HttpResponseMessage> Confirm(string intent) =>
            await api.CreateClient().PostJson($"{Pay}/confirm", new { order_number = number, payment_intent_id = intent });

        // foreign intents: another order's, a different amount, not succeeded, another currency, unknown to Stripe
        Assert.Equal(HttpStatusCode.Conflict, (await Confirm(api.Stripe.AddIntent(cents, other))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Confirm(api.Stripe.AddIntent(cents, null))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Confirm(api.Stripe.AddIntent(cents - 1, number))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Confirm(api.Stripe.AddIntent(cents, number, status: "requires_payment_method"))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Confirm(api.Stripe.AddIntent(cents, number, currency: "eur"))).StatusCode);
        var unknown = await Confirm("pi_doesnotexist");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.False((bool)(await unknown.Json())["success"]!);
        Assert.Equal(HttpStatusCode.BadRequest, (await Confirm("not-an-intent")).StatusCode);
        Assert.Equal("unpaid", await api.Scalar<string>("select payment_status from wholesale.orders where order_number = $1", number));

        var good = api.Stripe.AddIntent(cents, number);
        var ok = await Confirm(good);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var body = await ok.Json();
        Assert.True((bool)body["success"]!);
        Assert.Equal("paid", (string?)body["payment_status"]);
        Assert.Equal(HttpStatusCode.OK, (await Confirm(good)).StatusCode);   // again: already recorded
        Assert.Equal(1L, await api.Scalar<long>("select count(*) from wholesale.payments where stripe_payment_intent_id = $1", good));
        Assert.Equal(total, await api.Scalar<decimal>("select amount_paid from wholesale.orders where order_number = $1", number));
        Assert.Equal("stripe", await api.Scalar<string>("""
            select e.actor_kind from wholesale.order_events e join wholesale.orders o on o.id = e.order_id
             where o.order_number = $1 and e.kind = 'payment' and e.to_status = 'paid'
            """, number));
        // the same intent cannot pay another order
        Assert.Equal(HttpStatusCode.Conflict, (await api.CreateClient().PostJson($"{Pay}/confirm", new { order_number = other, payment_intent_id = good })).StatusCode);
        // a paid order takes no new intent
        Assert.Equal(HttpStatusCode.Conflict, (await api.CreateClient().PostJson($"{Pay}/create-intent", new { amount = 1, order_number = number })).StatusCode);
    }

    [Fact]
    public async Task Webhook_is_signed_applied_once_per_event_and_pays_the_right_order()
    {
        var (number, total) = await OrderKit.OrderAsync(api, price: 30m);
        var cents = (long)(total * 100);
        var intent = "pi_hook_" + Guid.NewGuid().ToString("N")[..10];
        var evtId = "evt_" + Guid.NewGuid().ToString("N")[..12];
        var (body, sig) = FakeWsStripe.Event(evtId, "payment_intent.succeeded", new
        {
            id = intent, @object = "payment_intent", amount = cents, amount_received = cents, currency = "usd", status = "succeeded",
            metadata = new Dictionary<string, string> { ["order_number"] = number },
        });

        var tampered = await Deliver(body.Replace(number, "LLD-SOMEONEELS"), sig);
        Assert.Equal(HttpStatusCode.BadRequest, tampered.StatusCode);
        Assert.False((bool)(await tampered.Json())["success"]!);
        Assert.Equal(HttpStatusCode.BadRequest, (await Deliver(body, "t=1,v1=deadbeef")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Deliver(body, FakeWsStripe.Event(evtId, "x", new { }, secret: "whsec_wrong").Signature)).StatusCode);
        Assert.Equal("unpaid", await api.Scalar<string>("select payment_status from wholesale.orders where order_number = $1", number));

        var first = await Deliver(body, sig);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("applied", (string?)(await first.Json())["outcome"]);
        var replay = await Deliver(body, sig);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal("duplicate", (string?)(await replay.Json())["outcome"]);
        Assert.Equal("paid", await api.Scalar<string>("select payment_status from wholesale.orders where order_number = $1", number));
        Assert.Equal(total, await api.Scalar<decimal>("select amount_paid from wholesale.orders where order_number = $1", number));
        Assert.Equal(1L, await api.Scalar<long>("select count(*) from wholesale.payments where stripe_payment_intent_id = $1", intent));

        // a different event for the same intent (e.g. the link's checkout session) records nothing twice
        var (again, againSig) = FakeWsStripe.Event("evt_" + Guid.NewGuid().ToString("N")[..12], "payment_intent.succeeded", new
        {
            id = intent, @object = "payment_intent", amount = cents, amount_received = cents, currency = "usd", status = "succeeded",
            metadata = new Dictionary<string, string> { ["order_number"] = number },
        });
        Assert.Equal("already_recorded", (string?)(await (await Deliver(again, againSig)).Json())["outcome"]);
        Assert.Equal(total, await api.Scalar<decimal>("select amount_paid from wholesale.orders where order_number = $1", number));
    }

    [Fact]
    public async Task A_payment_link_checkout_pays_its_order_and_completes_the_link()
    {
        var staff = await api.StaffClientAsync();
        var (number, total) = await OrderKit.OrderAsync(api, price: 45m);
        var link = await staff.PostJson($"{Pay}/create-link", new { order_number = number });
        Assert.Equal(HttpStatusCode.OK, link.StatusCode);
        var linkId = await api.Scalar<string>("""
            select l.stripe_link_id from wholesale.payment_links l join wholesale.orders o on o.id = l.order_id where o.order_number = $1
            """, number);
        var (body, sig) = FakeWsStripe.Event("evt_" + Guid.NewGuid().ToString("N")[..12], "checkout.session.completed", new
        {
            id = "cs_" + Guid.NewGuid().ToString("N")[..10], @object = "checkout.session", payment_link = linkId, payment_status = "paid",
            amount_total = (long)(total * 100), currency = "usd", payment_intent = "pi_link_" + Guid.NewGuid().ToString("N")[..10], mode = "payment",
        });
        var rsp = await Deliver(body, sig);
        Assert.Equal("applied", (string?)(await rsp.Json())["outcome"]);
        Assert.Equal("paid", await api.Scalar<string>("select payment_status from wholesale.orders where order_number = $1", number));
        Assert.Equal("link", await api.Scalar<string>("select p.method from wholesale.payments p join wholesale.orders o on o.id = p.order_id where o.order_number = $1", number));
        Assert.True(await api.Scalar<bool>("select completed_at is not null from wholesale.payment_links where stripe_link_id = $1", linkId));
    }

    async Task<HttpResponseMessage> Deliver(string body, string signature)
    {
        var req = new HttpRequestMessage(HttpMethod.Post, $"{Pay}/webhook") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        req.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
        return await api.CreateClient().SendAsync(req);
    }
}

public sealed class PaymentLinkTests(PaymentsFactory api) : IClassFixture<PaymentsFactory>
{
    const string Url = $"{WsKit.Base}/api/payments/create-link";

    [Fact]
    public async Task Staff_create_a_single_use_link_for_the_balance()
    {
        var (number, total) = await OrderKit.OrderAsync(api, price: 33.33m);
        var rsp = await (await api.StaffClientAsync("sales_rep")).PostJson(Url, new { order_number = number, expires_in_hours = 24 });
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        var body = await rsp.Json();
        Assert.True((bool)body["success"]!);
        Assert.Equal(total, (decimal)body["amount"]!);
        Assert.Equal(number, (string?)body["order_number"]);
        Assert.StartsWith("https://buy.stripe.test/plink_", (string)body["payment_url"]!);
        Assert.Null(body["fallback_url"]);
        var expires = DateTimeOffset.Parse((string)body["expires_at"]!);
        Assert.InRange(expires, DateTimeOffset.UtcNow.AddHours(23.9), DateTimeOffset.UtcNow.AddHours(24.1));

        var price = api.Stripe.Requests.Last(r => r.Path == "/v1/prices").Form;
        Assert.Equal(((long)(total * 100)).ToString(), price["unit_amount"]);
        Assert.Contains(number, price["product_data[name]"]);
        var created = api.Stripe.Requests.Last(r => r.Path == "/v1/payment_links").Form;
        Assert.Equal("1", created["restrictions[completed_sessions][limit]"]);
        Assert.Equal(number, created["metadata[order_number]"]);
        Assert.Equal(number, created["payment_intent_data[metadata][order_number]"]);
        Assert.Equal(1L, await api.Scalar<long>("""
            select count(*) from wholesale.payment_links l join wholesale.orders o on o.id = l.order_id where o.order_number = $1 and l.amount = $2
            """, number, total));
        Assert.Equal(1L, await api.Scalar<long>("""
            select count(*) from wholesale.order_events e join wholesale.orders o on o.id = e.order_id where o.order_number = $1 and e.kind = 'link' and e.actor_kind = 'staff'
            """, number));

        // a second link supersedes the first: the first is deactivated at Stripe at once
        var firstLink = await api.Scalar<string>("select l.stripe_link_id from wholesale.payment_links l join wholesale.orders o on o.id = l.order_id where o.order_number = $1", number);
        Assert.Equal(HttpStatusCode.OK, (await (await api.StaffClientAsync()).PostJson(Url, new { order_number = number })).StatusCode);
        Assert.Contains(firstLink, api.Stripe.Deactivated);
        Assert.True(await api.Scalar<bool>("select deactivated_at is not null from wholesale.payment_links where stripe_link_id = $1", firstLink));
        Assert.Equal(72.0, await api.Scalar<double>("""
            select round(extract(epoch from (l.expires_at - l.created_at)) / 3600)::float8 from wholesale.payment_links l
              join wholesale.orders o on o.id = l.order_id where o.order_number = $1 and l.deactivated_at is null
            """, number));
    }

    [Fact]
    public async Task Customers_get_links_only_for_their_own_orders_and_keys_need_the_voice_scope()
    {
        var a = await api.CustomerClientAsync(await api.CreateCustomerAsync());
        var b = await api.CustomerClientAsync(await api.CreateCustomerAsync());
        var (aNumber, _) = await OrderKit.OrderAsync(api, a);
        var (bNumber, _) = await OrderKit.OrderAsync(api, b);

        Assert.Equal(HttpStatusCode.OK, (await a.PostJson(Url, new { order_number = aNumber })).StatusCode);
        var foreign = await a.PostJson(Url, new { order_number = bNumber });
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.False((bool)(await foreign.Json())["success"]!);
        Assert.Equal(0L, await api.Scalar<long>("select count(*) from wholesale.payment_links l join wholesale.orders o on o.id = l.order_id where o.order_number = $1", bNumber));

        Assert.Equal(HttpStatusCode.OK, (await api.KeyClient(await api.CreateApiKeyAsync(["voice"])).PostJson(Url, new { order_number = bNumber })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.KeyClient(await api.CreateApiKeyAsync(["products:read"])).PostJson(Url, new { order_number = bNumber })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().PostJson(Url, new { order_number = bNumber })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await a.PostJson(Url, new { order_number = aNumber, expires_in_hours = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await api.StaffClientAsync()).PostJson(Url, new { order_number = "LLD-NOSUCHORDR" })).StatusCode);
    }

    [Fact]
    public async Task Expired_links_are_deactivated_through_Stripe_by_the_scheduled_command()
    {
        var (number, _) = await OrderKit.OrderAsync(api);
        Assert.Equal(HttpStatusCode.OK, (await (await api.StaffClientAsync()).PostJson(Url, new { order_number = number, expires_in_hours = 1 })).StatusCode);
        var linkId = await api.Scalar<string>("select l.stripe_link_id from wholesale.payment_links l join wholesale.orders o on o.id = l.order_id where o.order_number = $1", number);
        using (var scope = api.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new Api.Features.Wholesale.Payments.ExpireLinks.Command());
        Assert.DoesNotContain(linkId, api.Stripe.Deactivated);   // not yet expired

        await api.Exec("update wholesale.payment_links set expires_at = now() - interval '1 minute' where stripe_link_id = $1", linkId);
        using (var scope = api.Services.CreateScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new Api.Features.Wholesale.Payments.ExpireLinks.Command()) >= 1);
        Assert.Contains(linkId, api.Stripe.Deactivated);
        Assert.True(await api.Scalar<bool>("select deactivated_at is not null from wholesale.payment_links where stripe_link_id = $1", linkId));
    }
}

public sealed class UploadCheckTests(OrdersFactory api) : IClassFixture<OrdersFactory>
{
    const string Url = $"{WsKit.Base}/api/payments/upload-check";
    static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4, 5];
    static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 9, 9];

    static MultipartFormDataContent Form(string? orderNumber, (string Field, byte[] Bytes)[] files, string? token = null)
    {
        var form = new MultipartFormDataContent();
        if (orderNumber is not null) form.Add(new StringContent(orderNumber), "order_number");
        if (token is not null) form.Add(new StringContent(token), "token");
        foreach (var (field, bytes) in files) form.Add(new ByteArrayContent(bytes), field, field + ".bin");
        return form;
    }

    [Fact]
    public async Task Staff_upload_is_encrypted_and_put_under_review()
    {
        var (number, total) = await OrderKit.OrderAsync(api);
        var rsp = await (await api.StaffClientAsync()).PostAsync(Url, Form(number, [("check_front", Jpeg), ("check_back", Png)]));
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        var body = await rsp.Json();
        Assert.True((bool)body["success"]!);
        Assert.Equal($"{number}_front.jpg", (string?)body["front_filename"]);
        Assert.Equal($"{number}_back.png", (string?)body["back_filename"]);

        var id = await api.Scalar<long>("select p.id from wholesale.payments p join wholesale.orders o on o.id = p.order_id where o.order_number = $1", number);
        Assert.Equal("under_review", await api.Scalar<string>("select status from wholesale.payments where id = $1", id));
        Assert.Equal(total, await api.Scalar<decimal>("select amount from wholesale.payments where id = $1", id));
        var stored = await api.Scalar<string>("select check_front from wholesale.payments where id = $1", id);
        Assert.StartsWith("v1:", stored);
        var box = api.Services.GetRequiredService<SecretBox>();
        Assert.Equal(Jpeg, Convert.FromBase64String(box.Decrypt(stored, $"wholesale:payments:{id}:check_front")));
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => box.Decrypt(stored, $"wholesale:payments:{id + 1}:check_front"));
        Assert.Equal(Png, Convert.FromBase64String(box.Decrypt(await api.Scalar<string>("select check_back from wholesale.payments where id = $1", id), $"wholesale:payments:{id}:check_back")));
        Assert.Equal("check_review", await api.Scalar<string>("select payment_status from wholesale.orders where order_number = $1", number));
        Assert.Equal(1L, await api.Scalar<long>("""
            select count(*) from wholesale.order_events e join wholesale.orders o on o.id = e.order_id where o.order_number = $1 and e.to_status = 'check_review'
            """, number));

        // the legacy field name, alone
        var (second, _) = await OrderKit.OrderAsync(api);
        var legacy = await (await api.StaffClientAsync()).PostAsync(Url, Form(second, [("check_image", Png)]));
        Assert.Equal(HttpStatusCode.OK, legacy.StatusCode);
        Assert.Null((await legacy.Json())["back_filename"]);
    }

    [Fact]
    public async Task A_signed_link_allows_one_upload_for_its_order_only()
    {
        var (number, _) = await OrderKit.OrderAsync(api);
        var (other, _) = await OrderKit.OrderAsync(api);
        var token = Api.Infrastructure.Auth.WholesaleAuth.NewToken();
        await api.Exec("""
            insert into wholesale.check_upload_links (order_id, token_hash, expires_at)
            select id, $2, now() + interval '1 day' from wholesale.orders where order_number = $1
            """, number, Api.Infrastructure.Auth.WholesaleAuth.HashToken(token));

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().PostAsync(Url, Form(number, [("check_front", Jpeg)]))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.CreateClient().PostAsync(Url, Form(other, [("check_front", Jpeg)], token))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.CreateClient().PostAsync(Url, Form(number, [("check_front", Jpeg)], "wrong-token-value"))).StatusCode);
        var customer = await api.CustomerClientAsync(await api.CreateCustomerAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await customer.PostAsync(Url, Form(number, [("check_front", Jpeg)]))).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await api.CreateClient().PostAsync($"{Url}?token={token}", Form(number, [("check_front", Jpeg)]))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.CreateClient().PostAsync(Url, Form(number, [("check_front", Jpeg)], token))).StatusCode);   // used
    }

    [Fact]
    public async Task Bad_uploads_are_4xx()
    {
        var staff = await api.StaffClientAsync();
        var (number, _) = await OrderKit.OrderAsync(api);
        var missing = await staff.PostAsync(Url, Form(number, []));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.NotNull((await missing.Json())["details"]!["check_front"]);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsync(Url, Form(null, [("check_front", Jpeg)]))).StatusCode);
        Assert.Equal((HttpStatusCode)415, (await staff.PostAsync(Url, Form(number, [("check_front", "hello"u8.ToArray())]))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.PostAsync(Url, Form("LLD-NOSUCHORDR", [("check_front", Jpeg)]))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostJson(Url, new { order_number = number })).StatusCode);
        var big = new byte[11 * 1024 * 1024];
        Jpeg.CopyTo(big, 0);
        Assert.Equal((HttpStatusCode)413, (await staff.PostAsync(Url, Form(number, [("check_front", big)]))).StatusCode);
        Assert.Equal("unpaid", await api.Scalar<string>("select payment_status from wholesale.orders where order_number = $1", number));
    }
}

/// <summary>Without Stripe configured (the default), card slices answer 503 in the envelope; create-link adds fallback_url.</summary>
public sealed class NoStripeTests(OrdersFactory api) : IClassFixture<OrdersFactory>
{
    const string Pay = $"{WsKit.Base}/api/payments";

    [Fact]
    public async Task Card_slices_answer_503_and_create_link_offers_a_fallback_url()
    {
        var (number, total) = await OrderKit.OrderAsync(api);
        var intent = await api.CreateClient().PostJson($"{Pay}/create-intent", new { amount = 10, order_number = number });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, intent.StatusCode);
        Assert.False((bool)(await intent.Json())["success"]!);
        Assert.Equal(HttpStatusCode.ServiceUnavailable,
            (await api.CreateClient().PostJson($"{Pay}/confirm", new { order_number = number, payment_intent_id = "pi_123" })).StatusCode);

        var link = await (await api.StaffClientAsync()).PostJson($"{Pay}/create-link", new { order_number = number });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, link.StatusCode);
        var body = await link.Json();
        Assert.False((bool)body["success"]!);
        Assert.NotNull((string?)body["error"]);
        Assert.Equal($"http://localhost:3000/pay/{number}", (string?)body["fallback_url"]);
        Assert.Equal(total, (decimal)body["amount"]!);

        var hook = new HttpRequestMessage(HttpMethod.Post, $"{Pay}/webhook") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await api.CreateClient().SendAsync(hook)).StatusCode);
    }
}
