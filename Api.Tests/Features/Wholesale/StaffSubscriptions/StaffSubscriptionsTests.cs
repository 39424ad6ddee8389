using System.Net;
using System.Text.Json.Nodes;
using Api.Tests.Features.Wholesale.Orders;
using Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Features.Wholesale.StaffSubscriptions;

public sealed class SubscriptionsFactory : OrdersFactory
{
    public FakeSubscriptionStripe Stripe { get; } = new();
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Wholesale:Stripe:SecretKey"] = "sk_test_wholesale_fake", ["Wholesale:Stripe:BaseUrl"] = Stripe.Url,
    };
}

/// <summary>
/// <c>/api/staff/subscriptions*</c>: enrolment rules, the pause/resume/cancel state machine, edits, renew-now, the
/// process-renewals cron (API key scope <c>renewals</c>; two runs in parallel charge once), a decline recorded without an
/// order, setup-intent and suggest's median interval and confidence. Stripe is a fake on 127.0.0.1.
/// </summary>
public sealed class StaffSubscriptionsTests(SubscriptionsFactory api) : IClassFixture<SubscriptionsFactory>
{
    const string B = WsKit.Base + "/api/staff/subscriptions";
    static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/Chicago")).DateTime);

    async Task<(long User, string Sku, long Product, string Cus, string Pm)> SetupAsync(int? stock = null, decimal price = 20m, decimal? bulk = null,
        int? bulkQty = null, string type = "card", bool declines = false)
    {
        var customer = await api.CreateCustomerAsync();
        var sku = WsKit.Unique("SUB-");
        var product = await api.CreateProductAsync(unitPrice: price, stock: stock, sku: sku, bulkPrice: bulk, bulkQuantity: bulkQty, cost: 5m);
        var (cus, pm) = api.Stripe.AddCustomer(type, declines);
        return (customer.Id, sku, product, cus, pm);
    }

    static object Enrol(long user, string sku, string cus, string pm, int quantity = 6, int interval = 14, decimal discount = 10m,
        string email = "chef@bistro-supply.com", string type = "card", string? start = null) => new
    {
        user_id = user, product_sku = sku, quantity, interval_days = interval, discount_pct = discount, stripe_customer_id = cus,
        stripe_payment_method_id = pm, payment_type = type, delivery_name = "Pat Buyer", delivery_phone = "(312) 555-0199",
        delivery_email = email, delivery_address = "1 Main St", delivery_city = "Chicago", delivery_state = "IL", delivery_zip = "60601",
        delivery_company = "Test Bistro", notes = "back door", start_date = start,
    };

    async Task<long> EnrolAsync(HttpClient staff, object body)
    {
        var rsp = await staff.PostJson(B, body);
        var json = await rsp.Json();
        Assert.True(rsp.StatusCode == HttpStatusCode.Created, json.ToJsonString());
        return (long)json["id"]!;
    }

    static async Task<JsonNode> Expect(HttpResponseMessage rsp, HttpStatusCode status)
    {
        var json = await rsp.Json();
        Assert.True(rsp.StatusCode == status, $"{rsp.StatusCode}: {json.ToJsonString()}");
        return json;
    }

    [Fact]
    public async Task Enrolment_checks_quantity_placeholder_emails_and_that_the_method_is_attached_to_the_Stripe_customer()
    {
        var staff = await api.StaffClientAsync("sales_rep");
        var (user, sku, _, cus, pm) = await SetupAsync();

        async Task Bad(object body, string field)
        {
            var json = await Expect(await staff.PostJson(B, body), HttpStatusCode.BadRequest);
            Assert.False((bool)json["success"]!);
            Assert.True(json["details"]![field] is not null, json.ToJsonString());
        }
        await Bad(Enrol(user, sku, cus, pm, quantity: 3), "quantity");
        foreach (var email in new[] { "noemail@gmail.com", "orders@bistro.example", "x@example.com", "none+1@yahoo.com", "chef@noemail.com", "test@store.test" })
            await Bad(Enrol(user, sku, cus, pm, email: email), "delivery_email");
        var (otherCus, otherPm) = api.Stripe.AddCustomer();
        await Bad(Enrol(user, sku, cus, otherPm), "stripe_payment_method_id");                 // attached to another Stripe customer
        await Bad(Enrol(user, sku, cus, api.Stripe.AddMethod(null)), "stripe_payment_method_id"); // attached to nobody
        await Bad(Enrol(user, sku, cus, "pm_doesnotexist"), "stripe_payment_method_id");
        await Bad(Enrol(user, sku, "cus_doesnotexist", pm), "stripe_customer_id");
        var (gone, gonePm) = api.Stripe.AddCustomer();
        api.Stripe.Customers[gone] = true;
        await Bad(Enrol(user, sku, gone, gonePm), "stripe_customer_id");
        await Bad(Enrol(user, sku, cus, pm, type: "ach"), "payment_type");                     // a card is not a bank account
        await Bad(Enrol(user, "NO-SUCH-SKU", cus, pm), "product_sku");
        await Bad(Enrol(999_999_999, sku, cus, pm), "user_id");
        await Bad(Enrol(user, sku, cus, pm, interval: 0), "interval_days");
        await Bad(Enrol(user, sku, cus, pm, discount: 10.005m), "discount_pct");
        await Bad(Enrol(user, sku, cus, pm, start: Today.AddDays(-1).ToString("yyyy-MM-dd")), "start_date");
        Assert.Equal(0L, await api.Scalar<long>("select count(*) from wholesale.subscriptions where customer_id = $1", user));

        var json = await Expect(await staff.PostJson(B, Enrol(user, sku.ToLowerInvariant(), cus, pm)), HttpStatusCode.Created);
        Assert.Equal(user, (long)json["user_id"]!);
        Assert.Equal(sku, (string)json["product_sku"]!);
        Assert.Equal(6, (int)json["quantity"]!);
        Assert.Equal(14, (int)json["interval_days"]!);
        Assert.Equal(10m, (decimal)json["discount_pct"]!);
        Assert.Equal("active", (string)json["status"]!);
        Assert.Equal(Today.AddDays(14).ToString("yyyy-MM-dd"), (string)json["next_renewal_date"]!);
        Assert.Equal("Pat Buyer", (string)json["customer_name"]!);
        Assert.Equal("Test Bistro", (string)json["customer_company"]!);
        Assert.Null(json["last_renewal"]);
        Assert.Equal("+13125550199", (string)json["delivery_phone"]!);

        // one live subscription per customer and product; the Stripe customer now belongs to this customer
        await Expect(await staff.PostJson(B, Enrol(user, sku, cus, pm)), HttpStatusCode.Conflict);
        var stranger = await api.CreateCustomerAsync();
        await Bad(Enrol(stranger.Id, sku, cus, pm), "stripe_customer_id");
        var start = Today.AddDays(3).ToString("yyyy-MM-dd");
        var (user2, sku2, _, cus2, pm2) = await SetupAsync();
        var later = await Expect(await staff.PostJson(B, Enrol(user2, sku2, cus2, pm2, start: start)), HttpStatusCode.Created);
        Assert.Equal(start, (string)later["next_renewal_date"]!);
    }

    [Fact]
    public async Task Pause_resume_and_cancel_follow_the_state_machine_and_edits_stop_at_cancelled()
    {
        var staff = await api.StaffClientAsync();
        var (user, sku, _, cus, pm) = await SetupAsync();
        var id = await EnrolAsync(staff, Enrol(user, sku, cus, pm));

        async Task<JsonNode> Post(string action, HttpStatusCode status) => await Expect(await staff.PostAsync($"{B}/{id}/{action}", null), status);
        Assert.Equal("paused", (string)(await Post("pause", HttpStatusCode.OK))["status"]!);
        Assert.Equal("paused", (string)(await Post("pause", HttpStatusCode.Conflict))["details"]!["status"]!);
        await Expect(await staff.PostAsync($"{B}/{id}/renew-now", null), HttpStatusCode.Conflict);   // paused: no renewal

        // a next date that passed while paused moves to today + interval on resume
        await api.Exec("update wholesale.subscriptions set next_renewal_date = current_date - 30 where id = $1", id);
        var resumed = await Post("resume", HttpStatusCode.OK);
        Assert.True((bool)resumed["success"]!);
        Assert.Equal("active", (string)resumed["status"]!);
        Assert.Equal(Today.AddDays(14).ToString("yyyy-MM-dd"), (string)resumed["next_renewal_date"]!);
        await Post("resume", HttpStatusCode.Conflict);

        // edits
        await Expect(await staff.PutJson($"{B}/{id}", new { quantity = 3 }), HttpStatusCode.BadRequest);
        await Expect(await staff.PutJson($"{B}/{id}", new { next_renewal_date = Today.AddDays(-1).ToString("yyyy-MM-dd") }), HttpStatusCode.BadRequest);
        await Expect(await staff.PutJson($"{B}/{id}", new { }), HttpStatusCode.BadRequest);
        var edited = await Expect(await staff.PutJson($"{B}/{id}", new
        {
            quantity = 8, interval_days = 21, discount_pct = 5.5m, notes = "", next_renewal_date = Today.AddDays(2).ToString("yyyy-MM-dd"),
            delivery_city = "Evanston",
        }), HttpStatusCode.OK);
        Assert.Equal(8, (int)edited["quantity"]!);
        Assert.Equal(21, (int)edited["interval_days"]!);
        Assert.Equal(5.5m, (decimal)edited["discount_pct"]!);
        Assert.Null(edited["notes"]);
        Assert.Equal("Evanston", (string)edited["delivery_city"]!);
        Assert.Equal("Pat Buyer", (string)edited["delivery_name"]!);

        Assert.Equal("cancelled", (string)(await Post("cancel", HttpStatusCode.OK))["status"]!);
        await Post("cancel", HttpStatusCode.Conflict);
        await Post("pause", HttpStatusCode.Conflict);
        await Post("resume", HttpStatusCode.Conflict);
        await Expect(await staff.PutJson($"{B}/{id}", new { quantity = 9 }), HttpStatusCode.Conflict);
        await Expect(await staff.PostAsync($"{B}/{id}/renew-now", null), HttpStatusCode.Conflict);
        await Expect(await staff.PostAsync($"{B}/999999999/pause", null), HttpStatusCode.NotFound);
        await Expect(await staff.GetAsync($"{B}/999999999"), HttpStatusCode.NotFound);

        // a cancelled subscription frees the product for a new enrolment; lists filter by status and user
        await EnrolAsync(staff, Enrol(user, sku, cus, pm));
        var cancelled = (await Expect(await staff.GetAsync($"{B}?status=cancelled&user_id={user}"), HttpStatusCode.OK)).AsArray();
        Assert.Equal(id, (long)Assert.Single(cancelled)!["id"]!);
        Assert.Equal(2, (await Expect(await staff.GetAsync($"{B}?user_id={user}"), HttpStatusCode.OK)).AsArray().Count);
        await Expect(await staff.GetAsync($"{B}?status=gone"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Only_staff_may_call_and_process_renewals_needs_a_key_with_the_renewals_scope()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().GetAsync(B)).StatusCode);
        var customer = await api.CustomerClientAsync(await api.CreateCustomerAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await customer.GetAsync(B)).StatusCode);
        var key = api.KeyClient(await api.CreateApiKeyAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await key.GetAsync(B)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await key.PostAsync($"{B}/process-renewals", null)).StatusCode);
        var staff = await api.StaffClientAsync("admin");
        Assert.Equal(HttpStatusCode.Unauthorized, (await staff.PostAsync($"{B}/process-renewals", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().PostAsync($"{B}/process-renewals", null)).StatusCode);
    }

    [Fact]
    public async Task Renew_now_charges_off_session_with_the_period_key_creates_a_paid_order_and_moves_the_next_date()
    {
        var staff = await api.StaffClientAsync();
        var (user, sku, product, cus, pm) = await SetupAsync(stock: 50, price: 20m, bulk: 18m, bulkQty: 5);
        var id = await EnrolAsync(staff, Enrol(user, sku, cus, pm, quantity: 6, interval: 14, discount: 10m));
        var period = Today.AddDays(14).ToString("yyyy-MM-dd");

        var json = await Expect(await staff.PostAsync($"{B}/{id}/renew-now", null), HttpStatusCode.OK);
        Assert.True((bool)json["success"]!);
        Assert.Equal(Today.AddDays(14).ToString("yyyy-MM-dd"), (string)json["next_renewal_date"]!);
        var renewal = json["renewal"]!;
        Assert.Equal("succeeded", (string)renewal["status"]!);
        Assert.Equal(period, (string)renewal["renewal_date"]!);
        Assert.Equal("manual", (string)renewal["trigger"]!);
        // 6 at the bulk price 18 = 108.00, less 10 % = 97.20, plus the 25.00 delivery fee below 300
        Assert.Equal(122.20m, (decimal)renewal["amount"]!);
        var number = (string)renewal["order_number"]!;

        var (chargeKey, form) = api.Stripe.Charges.Single(c => c.Form.GetValueOrDefault("metadata[subscription_id]") == id.ToString());
        Assert.Equal($"wholesale-subscription-{id}-{period}-1", chargeKey);
        Assert.Equal("12220", form["amount"]);
        Assert.Equal("true", form["off_session"]);
        Assert.Equal("true", form["confirm"]);
        Assert.Equal(cus, form["customer"]);
        Assert.Equal(pm, form["payment_method"]);
        Assert.Equal(number, form["metadata[order_number]"]);

        Assert.Equal("subscription|paid|pending|122.20|122.20|10.80|25.00", await api.Scalar<string>("""
            select source || '|' || payment_status || '|' || status || '|' || total_amount || '|' || amount_paid || '|' || discount_amount || '|' || delivery_fee
            from wholesale.orders where order_number = $1
            """, number));
        Assert.Equal(1L, await api.Scalar<long>("""
            select count(*) from wholesale.payments p join wholesale.orders o on o.id = p.order_id
            where o.order_number = $1 and p.status = 'succeeded' and p.method = 'card' and p.amount = 122.20
            """, number));
        Assert.Equal(44, await api.Scalar<int>("select stock_quantity from wholesale.products where id = $1", product));
        Assert.Equal(1L, await api.Scalar<long>("""
            select count(*) from wholesale.inventory_ledger l join wholesale.orders o on o.id = l.order_id
            where o.order_number = $1 and l.delta = -6 and l.actor_kind = 'staff'
            """, number));

        // a second click within the hour does not renew again
        await Expect(await staff.PostAsync($"{B}/{id}/renew-now", null), HttpStatusCode.Conflict);

        var detail = await Expect(await staff.GetAsync($"{B}/{id}"), HttpStatusCode.OK);
        Assert.Equal(id, (long)detail["id"]!);
        Assert.Equal(number, (string)Assert.Single(detail["renewals"]!.AsArray())!["order_number"]!);
        Assert.Contains(detail["order_history"]!.AsArray(), o => (string)o!["order_number"]! == number);
        Assert.Equal(6, (int)Assert.Single(detail["product_history"]!.AsArray())!["quantity"]!);
        Assert.Equal("succeeded", (string)detail["last_renewal"]!["status"]!);
        var listed = (await Expect(await staff.GetAsync($"{B}?user_id={user}"), HttpStatusCode.OK)).AsArray();
        Assert.Equal(number, (string)Assert.Single(listed)!["last_renewal"]!["order_number"]!);
    }

    [Fact]
    public async Task A_decline_is_recorded_without_an_order_and_the_next_attempt_uses_a_new_key()
    {
        var staff = await api.StaffClientAsync();
        var (user, sku, product, cus, pm) = await SetupAsync(stock: 30, declines: true);
        var id = await EnrolAsync(staff, Enrol(user, sku, cus, pm));
        var next = await api.Scalar<string>("select next_renewal_date::text from wholesale.subscriptions where id = $1", id);

        var json = await Expect(await staff.PostAsync($"{B}/{id}/renew-now", null), HttpStatusCode.PaymentRequired);
        Assert.False((bool)json["success"]!);
        var renewal = json["details"]!["renewal"]!;
        Assert.Equal("failed", (string)renewal["status"]!);
        Assert.Contains("insufficient_funds", (string)renewal["error"]!);
        Assert.Null(renewal["order_id"]);
        Assert.Equal(0L, await api.Scalar<long>("select count(*) from wholesale.orders where customer_id = $1", user));
        Assert.Equal(30, await api.Scalar<int>("select stock_quantity from wholesale.products where id = $1", product));
        Assert.Equal(0L, await api.Scalar<long>("select count(*) from wholesale.inventory_ledger where product_id = $1", product));
        Assert.Equal(next, await api.Scalar<string>("select next_renewal_date::text from wholesale.subscriptions where id = $1", id));

        // the card is fixed: the next attempt of the same period has its own key and goes through
        api.Stripe.Declining.TryRemove(pm, out _);
        var ok = await Expect(await staff.PostAsync($"{B}/{id}/renew-now", null), HttpStatusCode.OK);
        Assert.Equal(2, (int)ok["renewal"]!["attempt"]!);
        Assert.EndsWith("-2", api.Stripe.Charges.Single(c => c.Form.GetValueOrDefault("metadata[subscription_id]") == id.ToString()).Key);
        var history = (await Expect(await staff.GetAsync($"{B}/{id}"), HttpStatusCode.OK))["renewals"]!.AsArray();
        Assert.Equal(["succeeded", "failed"], history.Select(r => (string)r!["status"]!).ToArray());
    }

    [Fact]
    public async Task Two_process_renewals_runs_in_parallel_charge_each_due_subscription_once()
    {
        var staff = await api.StaffClientAsync();
        var (user, sku, _, cus, pm) = await SetupAsync(stock: 100, price: 50m);
        var due = await EnrolAsync(staff, Enrol(user, sku, cus, pm, quantity: 8, interval: 7, discount: 0));
        var (userA, skuA, _, cusA, pmA) = await SetupAsync(price: 40m, type: "us_bank_account");
        var ach = await EnrolAsync(staff, Enrol(userA, skuA, cusA, pmA, quantity: 10, interval: 30, discount: 0, type: "ach"));
        var (userD, skuD, _, cusD, pmD) = await SetupAsync(declines: true);
        var declined = await EnrolAsync(staff, Enrol(userD, skuD, cusD, pmD));
        var (userF, skuF, _, cusF, pmF) = await SetupAsync();
        var future = await EnrolAsync(staff, Enrol(userF, skuF, cusF, pmF));
        await api.Exec("update wholesale.subscriptions set next_renewal_date = $2::date where id = any($1)", new[] { due, ach, declined },
            Today.AddDays(-1).ToString("yyyy-MM-dd"));

        var key = api.KeyClient(await api.CreateApiKeyAsync(["renewals"]));
        var runs = await Task.WhenAll(key.PostAsync($"{B}/process-renewals", null), key.PostAsync($"{B}/process-renewals", null));
        var bodies = new List<JsonNode>();
        foreach (var r in runs) bodies.Add(await Expect(r, HttpStatusCode.OK));
        var results = bodies.SelectMany(b => b["results"]!.AsArray()).Select(r => r!).ToList();

        Assert.Single(api.Stripe.Charges, c => c.Form.GetValueOrDefault("metadata[subscription_id]") == due.ToString());
        Assert.Single(api.Stripe.Charges, c => c.Form.GetValueOrDefault("metadata[subscription_id]") == ach.ToString());
        Assert.DoesNotContain(api.Stripe.Charges, c => c.Form.GetValueOrDefault("metadata[subscription_id]") == future.ToString());
        var ok = Assert.Single(results, r => (long)r["subscription_id"]! == due && (string)r["status"]! == "succeeded");
        Assert.Equal(400.00m, (decimal)ok["order"]!["total_amount"]!);   // 8 × 50, no delivery fee from 300
        Assert.Equal(1L, await api.Scalar<long>("select count(*) from wholesale.orders where customer_id = $1 and source = 'subscription'", user));
        Assert.Equal(1L, await api.Scalar<long>("select count(*) from wholesale.subscription_renewals where subscription_id = $1 and status = 'succeeded'", due));
        Assert.Equal(Today.AddDays(-1).AddDays(7).ToString("yyyy-MM-dd"), await api.Scalar<string>("select next_renewal_date::text from wholesale.subscriptions where id = $1", due));
        Assert.Equal("api", await api.Scalar<string>("select trigger from wholesale.subscription_renewals where subscription_id = $1", due));

        // ACH: the debit is processing; the order waits for Stripe's webhook
        var achOk = Assert.Single(results, r => (long)r["subscription_id"]! == ach && (string)r["status"]! == "succeeded");
        Assert.Equal("pending", (string)achOk["order"]!["payment_status"]!);
        Assert.Equal("ach|pending|0.00", await api.Scalar<string>(
            "select payment_method || '|' || payment_status || '|' || amount_paid from wholesale.orders where customer_id = $1", userA));

        // the decline: one failed renewal, no order, still due; a run right after does not retry it (once a day)
        var failed = Assert.Single(results, r => (long)r["subscription_id"]! == declined && (string)r["status"]! == "failed");
        Assert.Contains("declined", ((string)failed["error"]!).ToLowerInvariant().Replace("insufficient funds", "declined"));
        Assert.Equal(0L, await api.Scalar<long>("select count(*) from wholesale.orders where customer_id = $1", userD));
        var again = await Expect(await key.PostAsync($"{B}/process-renewals", null), HttpStatusCode.OK);
        Assert.DoesNotContain(again["results"]!.AsArray(), r => (long)r!["subscription_id"]! is var s && (s == declined || s == due || s == ach));
        Assert.Equal(1L, await api.Scalar<long>("select count(*) from wholesale.subscription_renewals where subscription_id = $1", declined));
    }

    [Fact]
    public async Task Stripe_unreachable_is_an_error_row_and_the_retry_reuses_the_same_key()
    {
        var staff = await api.StaffClientAsync();
        var (user, sku, _, cus, pm) = await SetupAsync(stock: 20);
        var id = await EnrolAsync(staff, Enrol(user, sku, cus, pm));
        api.Stripe.Down = true;
        try
        {
            var json = await Expect(await staff.PostAsync($"{B}/{id}/renew-now", null), HttpStatusCode.BadGateway);
            Assert.Equal("error", (string)json["details"]!["renewal"]!["status"]!);
        }
        finally { api.Stripe.Down = false; }
        Assert.Equal(0L, await api.Scalar<long>("select count(*) from wholesale.orders where customer_id = $1", user));
        var ok = await Expect(await staff.PostAsync($"{B}/{id}/renew-now", null), HttpStatusCode.OK);
        Assert.Equal(1, (int)ok["renewal"]!["attempt"]!);
        Assert.EndsWith("-1", api.Stripe.Charges.Single(c => c.Form.GetValueOrDefault("metadata[subscription_id]") == id.ToString()).Key);
    }

    [Fact]
    public async Task The_daily_run_charges_what_is_due_as_the_system()
    {
        var staff = await api.StaffClientAsync();
        var (user, sku, _, cus, pm) = await SetupAsync(price: 30m);
        var id = await EnrolAsync(staff, Enrol(user, sku, cus, pm, quantity: 10, interval: 30, discount: 0));
        await api.Exec("update wholesale.subscriptions set next_renewal_date = $2::date where id = $1", id, Today.ToString("yyyy-MM-dd"));
        await using (var scope = api.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<Mediator.IMediator>().Send(new Api.Features.Wholesale.StaffSubscriptions.DailyRenewals.Command());
        Assert.Equal("succeeded|schedule|system", await api.Scalar<string>(
            "select status || '|' || trigger || '|' || actor_kind from wholesale.subscription_renewals where subscription_id = $1", id));
        Assert.Equal(Today.AddDays(30).ToString("yyyy-MM-dd"), await api.Scalar<string>("select next_renewal_date::text from wholesale.subscriptions where id = $1", id));
        Assert.Equal(300.00m, await api.Scalar<decimal>("select total_amount from wholesale.orders where customer_id = $1 and source = 'subscription'", user));
    }

    [Fact]
    public async Task Not_enough_stock_is_refused_before_charging()
    {
        var staff = await api.StaffClientAsync();
        var (user, sku, product, cus, pm) = await SetupAsync(stock: 2);
        var id = await EnrolAsync(staff, Enrol(user, sku, cus, pm, quantity: 6));
        var json = await Expect(await staff.PostAsync($"{B}/{id}/renew-now", null), HttpStatusCode.PaymentRequired);
        Assert.Contains("not enough stock", (string)json["details"]!["renewal"]!["error"]!);
        Assert.DoesNotContain(api.Stripe.Charges, c => c.Form.GetValueOrDefault("metadata[subscription_id]") == id.ToString());
        Assert.Equal(2, await api.Scalar<int>("select stock_quantity from wholesale.products where id = $1", product));
        Assert.Equal(0L, await api.Scalar<long>("select count(*) from wholesale.orders where customer_id = $1", user));
    }

    [Fact]
    public async Task Setup_intent_reuses_the_customers_Stripe_customer()
    {
        var staff = await api.StaffClientAsync();
        var customer = await api.CreateCustomerAsync();
        var first = await Expect(await staff.PostJson($"{B}/setup-intent", new { user_id = customer.Id, payment_type = "card" }), HttpStatusCode.OK);
        var cus = (string)first["stripe_customer_id"]!;
        Assert.StartsWith((string)first["setup_intent_id"]!, (string)first["client_secret"]!);
        Assert.Equal(cus, await api.Scalar<string>("select stripe_customer_id from wholesale.stripe_customers where customer_id = $1", customer.Id));
        var second = await Expect(await staff.PostJson($"{B}/setup-intent", new { user_id = customer.Id, payment_type = "ach" }), HttpStatusCode.OK);
        Assert.Equal(cus, (string)second["stripe_customer_id"]!);
        Assert.Single(api.Stripe.CreatedCustomers, c => c.GetValueOrDefault("metadata[wholesale_user_id]") == customer.Id.ToString());
        var achIntent = api.Stripe.SetupIntents.Last();
        Assert.Equal("off_session", achIntent["usage"]);
        Assert.Contains("us_bank_account", achIntent.Values);

        var guest = await Expect(await staff.PostJson($"{B}/setup-intent", new { customer_email = "buyer@restaurant-group.com", customer_name = "Lee", payment_type = "card" }), HttpStatusCode.OK);
        Assert.StartsWith("cus_", (string)guest["stripe_customer_id"]!);
        await Expect(await staff.PostJson($"{B}/setup-intent", new { payment_type = "card" }), HttpStatusCode.BadRequest);
        await Expect(await staff.PostJson($"{B}/setup-intent", new { user_id = customer.Id, payment_type = "paypal" }), HttpStatusCode.BadRequest);
        await Expect(await staff.PostJson($"{B}/setup-intent", new { user_id = 999_999_999, payment_type = "card" }), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Suggest_takes_the_median_interval_with_a_confidence_from_count_and_spread()
    {
        var staff = await api.StaffClientAsync();
        var sku = WsKit.Unique("SUG-");
        var product = await api.CreateProductAsync(sku: sku);
        var other = await api.CreateProductAsync();

        async Task Order(long customer, int daysAgo, long productId, string status = "delivered")
        {
            var id = await api.Scalar<long>("""
                insert into wholesale.orders (order_number, customer_id, status, total_amount, created_at)
                values ($1, $2, $3, 10, ($4::date)::timestamp at time zone 'America/Chicago' + interval '12 hours') returning id
                """, WsKit.Unique("LLD-T"), customer, status, Today.AddDays(-daysAgo).ToString("yyyy-MM-dd"));
            await api.Exec("""
                insert into wholesale.order_items (order_id, product_id, product_name, product_sku, quantity, unit_price, line_total)
                select $1, id, name, sku, 1, 10, 10 from wholesale.products where id = $2
                """, id, productId);
        }

        // every 7 days, with one week skipped in between: gaps 7, 7, 7, 14, 7, 7 -> median 7, high
        var regular = await api.CreateCustomerAsync();
        foreach (var d in new[] { 56, 49, 42, 35, 21, 14, 7 }) await Order(regular.Id, d, product);
        await Order(regular.Id, 3, other);                         // another product: only without ?sku
        await Order(regular.Id, 1, product, "cancelled");          // cancelled orders do not count
        var json = await Expect(await staff.GetAsync($"{B}/suggest/{regular.Id}?sku={sku.ToLowerInvariant()}"), HttpStatusCode.OK);
        Assert.Equal(7, (int)json["order_count"]!);
        Assert.Equal(7, (int)json["suggested_interval_days"]!);
        Assert.Equal(8.2m, (decimal)json["avg_interval_days"]!);   // 49 / 6
        Assert.Equal("high", (string)json["confidence"]!);
        Assert.Equal(Today.AddDays(-7).ToString("yyyy-MM-dd"), (string)json["last_order_date"]!);
        Assert.Equal(Today.AddDays(-56).ToString("yyyy-MM-dd"), (string)json["order_dates"]![0]!);
        var all = await Expect(await staff.GetAsync($"{B}/suggest/{regular.Id}"), HttpStatusCode.OK);
        Assert.Equal(8, (int)all["order_count"]!);

        // irregular: gaps 3, 20, 9 -> median 9, spread 6/9 -> low
        var irregular = await api.CreateCustomerAsync();
        foreach (var d in new[] { 40, 37, 17, 8 }) await Order(irregular.Id, d, product);
        var low = await Expect(await staff.GetAsync($"{B}/suggest/{irregular.Id}?sku={sku}"), HttpStatusCode.OK);
        Assert.Equal(9, (int)low["suggested_interval_days"]!);
        Assert.Equal("low", (string)low["confidence"]!);

        // three gaps of 10, 12, 11 -> median 11, medium (too few for high)
        var few = await api.CreateCustomerAsync();
        foreach (var d in new[] { 33, 23, 11, 0 }) await Order(few.Id, d, product);
        Assert.Equal("medium", (string)(await Expect(await staff.GetAsync($"{B}/suggest/{few.Id}"), HttpStatusCode.OK))["confidence"]!);

        var once = await api.CreateCustomerAsync();
        await Order(once.Id, 5, product);
        var none = await Expect(await staff.GetAsync($"{B}/suggest/{once.Id}"), HttpStatusCode.OK);
        Assert.Equal("none", (string)none["confidence"]!);
        Assert.Null(none["suggested_interval_days"]);
        Assert.Equal(1, (int)none["order_count"]!);
        await Expect(await staff.GetAsync($"{B}/suggest/999999999"), HttpStatusCode.NotFound);
    }
}
