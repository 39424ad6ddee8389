using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Api.Features.Wholesale.Voice.CallComplete;
using Api.Features.Wholesale.Voice.Evaluation;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.Wholesale.Voice;

/// <summary>The voice host: a webhook secret, and jobs driven by the tests (evaluations run inline through evaluate async=false).</summary>
public sealed class VoiceApi : ApiFactory
{
    public const string Secret = "test-elevenlabs-secret";
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Wholesale:Voice:WebhookSecret"] = Secret,
        ["Jobs:Enabled"] = "false",
    };
}

public sealed class VoiceTests(VoiceApi api) : IClassFixture<VoiceApi>
{
    const string B = WsKit.Base;
    static string NewPhone() => "+1312" + Random.Shared.Next(2000000, 9999999);

    async Task<HttpClient> Voice() => api.KeyClient(await api.CreateApiKeyAsync(["voice"]));

    [Fact]
    public async Task Keys_need_the_voice_scope_and_staff_routes_refuse_keys()
    {
        var none = api.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await none.PostJson($"{B}/api/voice/get_customer", new { phone_number = NewPhone() })).StatusCode);
        var other = api.KeyClient(await api.CreateApiKeyAsync(["orders"]));
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostJson($"{B}/api/voice/get_customer", new { phone_number = NewPhone() })).StatusCode);
        var voice = await Voice();
        var rsp = await voice.PostJson($"{B}/api/voice/get_customer", new { phone_number = NewPhone() });
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        Assert.False((bool)(await rsp.Json())["found"]!);
        Assert.True((int)(await voice.PostJson($"{B}/api/voice/evaluate", new { call_log_id = 1 })).StatusCode is 401 or 403);
        Assert.True((int)(await voice.GetAsync($"{B}/api/invoices")).StatusCode is 401 or 403);
        Assert.Equal(HttpStatusCode.OK, (await voice.GetAsync($"{B}/api/staff/call-queue")).StatusCode);   // staff or a voice key
        var bad = await voice.PostJson($"{B}/api/voice/get_customer", new { phone = "+13125550100", phone_number = "+13125550199" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.NotNull((await bad.Json())["details"]);
    }

    [Fact]
    public async Task Place_preview_writes_nothing_repeat_makes_one_order_and_only_the_caller_can_cancel()
    {
        var phone = NewPhone();
        var customer = await api.CreateCustomerAsync(phone: phone);
        var sku = WsKit.Unique("VSKU-");
        var product = await api.CreateProductAsync(unitPrice: 12.5m, stock: 50, sku: sku);
        var voice = await Voice();
        long Count() => api.Scalar<long>("select count(*) from wholesale.orders where customer_id = $1", customer.Id).GetAwaiter().GetResult();

        var preview = await (await voice.PostJson($"{B}/api/voice/place_order", new { phone_number = phone, items = new[] { new { sku, quantity = 4 } }, confirmed = false })).Json();
        Assert.True((bool)preview["success"]!);
        Assert.Equal(50m, (decimal)preview["subtotal"]!);
        Assert.Equal(0, Count());
        Assert.Equal(50, await api.Scalar<int>("select stock_quantity from wholesale.products where id = $1", product));

        var body = new { phone_number = phone, items = new[] { new { sku, quantity = 4 } }, confirmed = true, payment_method = "credit_card" };
        var first = await (await voice.PostJson($"{B}/api/voice/place_order", body)).Json();
        var again = await (await voice.PostJson($"{B}/api/voice/place_order", body)).Json();
        var number = (string)first["order_number"]!;
        Assert.Equal(number, (string)again["order_number"]!);
        Assert.Equal(1, Count());
        Assert.Equal(46, await api.Scalar<int>("select stock_quantity from wholesale.products where id = $1", product));

        // another caller sees, cancels and pays nothing of it
        var stranger = NewPhone();
        Assert.Equal(HttpStatusCode.NotFound, (await voice.PostJson($"{B}/api/voice/cancel_order", new { order_number = number, phone_number = stranger, confirmed = true })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await voice.PostJson($"{B}/api/voice/check_order_status", new { order_number = number, phone_number = stranger })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await voice.PostJson($"{B}/api/voice/send_payment_sms", new { order_number = number, phone_number = stranger, payment_method = "credit_card" })).StatusCode);

        var cancelPreview = await voice.PostJson($"{B}/api/voice/cancel_order", new { order_number = number, phone = phone, confirmed = false });
        Assert.Equal(HttpStatusCode.OK, cancelPreview.StatusCode);
        Assert.Equal("pending", await api.Scalar<string>("select status from wholesale.orders where order_number = $1", number));
        var cancel = await (await voice.PostJson($"{B}/api/voice/cancel_order", new { order_number = number, phone = phone, confirmed = true })).Json();
        Assert.Equal("cancelled", (string)cancel["status"]!);
        Assert.Equal("cancelled", await api.Scalar<string>("select status from wholesale.orders where order_number = $1", number));
        Assert.Equal(50, await api.Scalar<int>("select stock_quantity from wholesale.products where id = $1", product));
        Assert.Equal(HttpStatusCode.NotFound, (await voice.PostJson($"{B}/api/voice/cancel_order", new { order_number = number, phone = phone, confirmed = true })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await voice.PostJson($"{B}/api/voice/cancel_order", new { order_number = number, phone = phone })).StatusCode);

        // after a cancel the same items within 10 minutes are a new order, not the cancelled one
        var reorder = await (await voice.PostJson($"{B}/api/voice/place_order", body)).Json();
        Assert.NotEqual(number, (string)reorder["order_number"]!);
        Assert.Equal("pending", await api.Scalar<string>("select status from wholesale.orders where order_number = $1", (string)reorder["order_number"]!));
    }

    static StringContent Signed(string body, long unix, string secret = VoiceApi.Secret)
    {
        var content = new StringContent(body, Encoding.UTF8, "application/json");
        content.Headers.Add("ElevenLabs-Signature", Signature.Sign(secret, unix, body));
        return content;
    }

    static string CallBody(string callId, string phone, string transcript) => new JsonObject
    {
        ["call_id"] = callId, ["status"] = "done", ["duration"] = 120, ["start_time"] = DateTime.UtcNow.AddMinutes(-3).ToString("O"),
        ["end_time"] = DateTime.UtcNow.AddMinutes(-1).ToString("O"), ["phone_number"] = phone, ["transcript"] = transcript,
        ["tool_outputs"] = new JsonArray(new JsonObject { ["success"] = true, ["unit_price"] = 12.50 }),
    }.ToJsonString();

    [Fact]
    public async Task Webhook_checks_the_signature_logs_once_and_the_call_is_evaluated_and_reviewed()
    {
        var client = api.CreateClient();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var callId = WsKit.Unique("conv_");
        var phone = NewPhone();
        var body = CallBody(callId, phone, "Agent: The oil is $99.99 today.\nCaller: ok thanks");
        const string Url = $"{B}/api/voice/webhook/call-complete";

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync(Url, Signed(body, now, "wrong-secret"))).StatusCode);     // tampered
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync(Url, Signed(body, now - 31 * 60))).StatusCode);        // stale
        var tampered = Signed(body, now); var evil = new StringContent(body.Replace("done", "evil"), Encoding.UTF8, "application/json");
        evil.Headers.Add("ElevenLabs-Signature", tampered.Headers.GetValues("ElevenLabs-Signature"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync(Url, evil)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync(Url, new StringContent(body, Encoding.UTF8, "application/json"))).StatusCode);

        var ok = await client.PostAsync(Url, Signed(body, now));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var id = (long)(await ok.Json())["call_log_id"]!;
        var replay = await (await client.PostAsync(Url, Signed(body, now))).Json();
        Assert.True((bool)replay["duplicate"]!);
        Assert.Equal(1L, await api.Scalar<long>("select count(*) from wholesale.call_log where call_id = $1", callId));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync(Url, Signed("""{"call_id":"x"}""", now))).StatusCode);

        var staff = await api.StaffClientAsync();
        var eval = await (await staff.PostJson($"{B}/api/voice/evaluate", new { call_log_id = id, @async = false })).Json();
        Assert.Equal("local", (string)eval["call"]!["eval_method"]!);
        Assert.True((bool)eval["call"]!["eval_hallucination"]!);                // $99.99 was never returned by a tool
        var queued = await (await staff.PostJson($"{B}/api/voice/evaluate", new { call_log_id = id })).Json();
        Assert.NotNull(queued["job_id"]);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.PostJson($"{B}/api/voice/evaluate", new { call_log_id = 999999999 })).StatusCode);
        await api.Exec("update wholesale.call_log set eval_status = 'complete' where id = $1", id);

        var queue = await (await staff.GetAsync($"{B}/api/staff/voice/review-queue?call_type=inbound_order")).Json();
        Assert.Contains(queue["calls"]!.AsArray(), c => (long)c!["id"]! == id);
        var approved = await (await staff.PostJson($"{B}/api/staff/voice/review-queue/{id}/approve", new { })).Json();
        Assert.Equal("reviewed", (string)approved["status"]!);
        var rejected = await (await staff.PostJson($"{B}/api/staff/voice/review-queue/{id}/reject", new { notes = "retrain on prices" })).Json();
        Assert.Equal("flagged", (string)rejected["status"]!);
        Assert.Equal("retrain on prices", await api.Scalar<string>("select review_notes from wholesale.call_log where id = $1", id));
        Assert.Equal(HttpStatusCode.NotFound, (await staff.PostJson($"{B}/api/staff/voice/review-queue/999999999/approve", new { })).StatusCode);

        var perf = await (await staff.GetAsync($"{B}/api/staff/voice/performance?granularity=weekly")).Json();
        Assert.True((int)perf["summary"]!["total_calls"]! >= 1);
        Assert.NotNull(perf["rows"]);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.GetAsync($"{B}/api/staff/voice/performance?granularity=hourly")).StatusCode);
    }

    [Theory]
    [InlineData("Agent: That will be $12.50 per case.\nCaller: great", false)]
    [InlineData("Agent: That will be $14.00 per case.\nCaller: great", true)]
    [InlineData("Agent: Your order LLD-ZZZZ9999 is on its way.", true)]
    public void Local_evaluator_flags_what_no_tool_returned(string transcript, bool hallucination)
    {
        using var tools = System.Text.Json.JsonDocument.Parse("""[{"success": true, "unit_price": 12.50, "order_number": "LLD-AAAA1111"}]""");
        var v = LocalEvaluator.Evaluate(new CallFacts(transcript, tools.RootElement, false, null, "done", false, "inbound"));
        Assert.Equal(hallucination, v.Hallucination);
        Assert.InRange(v.Score, 0, 100);
    }

    [Fact]
    public async Task Call_queue_never_lists_do_not_call_and_scores_due_customers()
    {
        var due = await api.CreateCustomerAsync(phone: NewPhone());
        var dnc = await api.CreateCustomerAsync(phone: NewPhone());
        var product = await api.CreateProductAsync(unitPrice: 20m);
        foreach (var c in new[] { due, dnc })
            foreach (var daysAgo in new[] { 80, 50, 20 })
            {
                var orderId = await api.Scalar<long>("""
                    insert into wholesale.orders (order_number, customer_id, status, subtotal, total_amount, created_at)
                    values ($1, $2, 'delivered', 100, 100, now() - make_interval(days => $3)) returning id
                    """, WsKit.Unique("VQ-"), c.Id, daysAgo);
                await api.Exec("""
                    insert into wholesale.order_items (order_id, product_id, product_name, quantity, unit_price, line_total)
                    values ($1, $2, 'Queue Oil', 5, 20, 100)
                    """, orderId, product);
            }
        await api.Exec("update wholesale.customers set do_not_call = true where id = $1", dnc.Id);
        var voice = await Voice();
        foreach (var q in new[] { "", "?credit_status=no_terms", "?min_days_since_order=0&max_days_since_order=1000&cooldown_days=0&limit=200", "?sort=ltv_desc&limit=200" })
        {
            var all = new List<JsonNode>();
            for (var page = 1; page <= 20; page++)
            {
                var sep = q.Length == 0 ? "?" : "&";
                var rsp = await voice.GetAsync($"{B}/api/staff/call-queue{q}{sep}page={page}");
                Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
                var results = (await rsp.Json())["results"]!.AsArray();
                all.AddRange(results.Select(r => r!));
                if (results.Count == 0) break;
            }
            Assert.DoesNotContain(all, r => (long)r["customer_id"]! == dnc.Id);
            var row = all.Single(r => (long)r["customer_id"]! == due.Id);
            Assert.Equal(3, (int)row["order_count"]!);
            Assert.Equal(20, (int)row["days_since_last_order"]!);
            Assert.Equal("no_terms", (string)row["credit_status"]!);
            Assert.Contains("Queue Oil", row["reorder_candidates"]!.AsArray().Select(x => (string)x!));
            Assert.True((decimal)row["priority_score"]! > 0);
        }
        // a call outcome puts the customer in cooldown; a DNC request removes the number for good
        var phone = await api.Scalar<string>("select phone from wholesale.customers where id = $1", due.Id);
        var logged = await voice.PostJson($"{B}/api/voice/log_outbound_call_outcome", new { phone, outcome = "dnc_requested" });
        Assert.Equal(HttpStatusCode.OK, logged.StatusCode);
        Assert.True(await api.Scalar<bool>("select do_not_call from wholesale.customers where id = $1", due.Id));
        var after = await (await voice.GetAsync($"{B}/api/staff/call-queue?cooldown_days=0&limit=200&sort=days_desc")).Json();
        Assert.DoesNotContain(after["results"]!.AsArray(), r => (long)r!["customer_id"]! == due.Id);
        Assert.Equal(HttpStatusCode.BadRequest, (await voice.GetAsync($"{B}/api/staff/call-queue?sort=random")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await voice.PostJson($"{B}/api/voice/log_outbound_call_outcome", new { phone, outcome = "maybe" })).StatusCode);
    }

    [Fact]
    public async Task Optimize_agent_needs_enough_bad_calls_and_turns_reasons_into_rules()
    {
        var staff = await api.StaffClientAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await staff.PostJson($"{B}/api/voice/optimize-agent/999999999", new { })).StatusCode);
        var agent = await api.Scalar<long>("insert into wholesale.voice_agents (name, platform_agent_id, system_prompt) values ('Test agent', $1, 'You take orders.') returning id", WsKit.Unique("agent_"));
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostJson($"{B}/api/voice/optimize-agent/{agent}", new { min_calls = 3 })).StatusCode);
        for (var i = 0; i < 3; i++)
            await api.Exec("""
                insert into wholesale.call_log (call_id, agent_id, caller_phone, eval_status, eval_score, eval_reasons)
                values ($1, $2, '+13125550100', 'complete', 40, '["stated a price no tool returned: $14.00"]')
                """, WsKit.Unique("opt_"), agent);
        var rsp = await staff.PostJson($"{B}/api/voice/optimize-agent/{agent}", new { min_calls = 3 });
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        var body = await rsp.Json();
        Assert.Contains("You take orders.", (string)body["suggested_system_prompt"]!);
        Assert.NotEmpty(body["changes_made"]!.AsArray());
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostJson($"{B}/api/voice/optimize-agent/{agent}", new { min_calls = 0 })).StatusCode);
    }
    [Fact]
    public async Task Key_scopes_both_ways_voice_diagnostics_and_none()
    {
        var phone = NewPhone();
        var customer = await api.CreateCustomerAsync(phone: phone);
        var none = api.CreateClient();
        var voice = await Voice();
        var diag = api.KeyClient(await api.CreateApiKeyAsync(["diagnostics"]));
        var both = api.KeyClient(await api.CreateApiKeyAsync(["voice", "diagnostics"]));
        var getCustomer = new { phone_number = phone };

        Assert.Equal(HttpStatusCode.Unauthorized, (await none.GetAsync($"{B}/api/voice/db_stats")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await voice.GetAsync($"{B}/api/voice/db_stats")).StatusCode);           // voice is not diagnostics
        Assert.Equal(HttpStatusCode.Forbidden, (await diag.PostJson($"{B}/api/voice/get_customer", getCustomer)).StatusCode);   // nor the reverse
        Assert.Equal(HttpStatusCode.Forbidden, (await diag.PostJson($"{B}/api/voice/upload-transcript", new { transcript = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await diag.GetAsync($"{B}/api/staff/call-queue")).StatusCode);
        var forbidden = await (await diag.PostJson($"{B}/api/voice/place_order", new { phone_number = phone, items = new[] { new { sku = "X", quantity = 1 } } })).Json();
        Assert.False((bool)forbidden["success"]!);                                                                       // the envelope

        foreach (var client in new[] { diag, both })
        {
            var rsp = await client.GetAsync($"{B}/api/voice/db_stats");
            Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
            var stats = await rsp.Json();
            Assert.True((long)stats["total_users"]! >= 1);
            var phones = stats["sample_phones"]!.AsArray().Select(x => (string)x!).ToList();
            Assert.DoesNotContain(phone, phones);
            Assert.Contains(new string('*', phone.Length - 4) + phone[^4..], phones);                                   // masked: last four only
            Assert.DoesNotContain(customer.Username, stats["sample_usernames"]!.AsArray().Select(x => (string)x!));
        }
        var found = await (await both.PostJson($"{B}/api/voice/get_customer", getCustomer)).Json();
        Assert.True((bool)found["found"]!);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.KeyClient("lld_not_a_real_key").GetAsync($"{B}/api/voice/db_stats")).StatusCode);
    }

    [Fact]
    public async Task A_registered_caller_cannot_see_cancel_or_pay_another_customers_order()
    {
        var ownerPhone = NewPhone(); var otherPhone = NewPhone();
        await api.CreateCustomerAsync(phone: ownerPhone);
        await api.CreateCustomerAsync(phone: otherPhone, terms: "net30", approved: true, creditLimit: 5000);
        var sku = WsKit.Unique("VX-");
        await api.CreateProductAsync(unitPrice: 8m, stock: 20, sku: sku);
        var voice = await Voice();
        var placed = await (await voice.PostJson($"{B}/api/voice/place_order", new { phone_number = ownerPhone, items = new[] { new { sku, quantity = 2 } }, confirmed = true })).Json();
        var number = (string)placed["order_number"]!;

        foreach (var field in new[] { "phone", "phone_number" })
        {
            JsonObject Body(params (string K, JsonNode? V)[] extra)
            {
                var o = new JsonObject { ["order_number"] = number, [field] = otherPhone };
                foreach (var (k, v) in extra) o[k] = v;
                return o;
            }
            Assert.Equal(HttpStatusCode.NotFound, (await voice.PostJson($"{B}/api/voice/check_order_status", Body())).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await voice.PostJson($"{B}/api/voice/cancel_order", Body(("confirmed", false)))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await voice.PostJson($"{B}/api/voice/cancel_order", Body(("confirmed", true)))).StatusCode);
            foreach (var method in new[] { "credit_card", "net30", "check" })
            {
                var pay = await voice.PostJson($"{B}/api/voice/send_payment_sms", Body(("payment_method", method)));
                Assert.Equal(HttpStatusCode.NotFound, pay.StatusCode);
                Assert.False((bool)(await pay.Json())["success"]!);
            }
            foreach (var history in new[] { "get_order_history", "get_customer_order_history" })
            {
                var h = await (await voice.PostJson($"{B}/api/voice/{history}", new JsonObject { [field] = otherPhone })).Json();
                Assert.DoesNotContain(number, h.ToJsonString());
            }
        }
        Assert.Equal("pending", await api.Scalar<string>("select status from wholesale.orders where order_number = $1", number));
        Assert.Equal(0L, await api.Scalar<long>("select count(*) from wholesale.voice_payment_sms s join wholesale.orders o on o.id = s.order_id where o.order_number = $1", number));
        Assert.Equal(0L, await api.Scalar<long>("select count(*) from wholesale.sms_messages where to_phone = $1", otherPhone));
        var own = await voice.PostJson($"{B}/api/voice/check_order_status", new { order_number = number, phone = ownerPhone });
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task Call_queue_page_has_the_documented_order_upsells_categories_and_talking_points()
    {
        // three customers sharing products: upsells are what other customers' recent orders holding a product of the
        // customer's last order add, counted per (product, order) and never one the customer bought
        var catA = await api.Scalar<long>("insert into wholesale.categories (name) values ($1) returning id", WsKit.Unique("Up Cat A "));
        var catB = await api.Scalar<long>("insert into wholesale.categories (name) values ($1) returning id", WsKit.Unique("Up Cat B "));
        var catAName = await api.Scalar<string>("select name from wholesale.categories where id = $1", catA);
        var catBName = await api.Scalar<string>("select name from wholesale.categories where id = $1", catB);
        async Task<(long Id, string Name)> Product(string tag, long category)
        {
            var name = WsKit.Unique($"Up {tag} ");
            return (await api.CreateProductAsync(unitPrice: 10m, name: name, categoryId: category), name);
        }
        var p1 = await Product("P1", catA); var p2 = await Product("P2", catA); var p3 = await Product("P3", catB);
        var q1 = await Product("Q1", catB); var q2 = await Product("Q2", catB);
        var a = await api.CreateCustomerAsync(phone: NewPhone());
        var b = await api.CreateCustomerAsync(phone: NewPhone());
        var c = await api.CreateCustomerAsync(phone: NewPhone());
        async Task Order(long customer, int daysAgo, params ((long Id, string Name) P, decimal Total)[] lines)
        {
            var total = lines.Sum(l => l.Total);
            var id = await api.Scalar<long>("""
                insert into wholesale.orders (order_number, customer_id, status, subtotal, total_amount, created_at)
                values ($1, $2, 'delivered', $3, $3, now() - make_interval(days => $4)) returning id
                """, WsKit.Unique("VU-"), customer, total, daysAgo);
            foreach (var (p, lineTotal) in lines)
                await api.Exec("insert into wholesale.order_items (order_id, product_id, product_name, quantity, unit_price, line_total) values ($1, $2, $3, 1, $4, $4)",
                    id, p.Id, p.Name, lineTotal);
        }
        await Order(a.Id, 90, (p2, 60m));
        await Order(a.Id, 30, (p1, 100m), (p3, 50m));
        await Order(b.Id, 40, (p1, 30m), (q1, 20m), (p2, 10m));
        await Order(c.Id, 35, (p1, 30m), (q1, 20m), (q2, 10m));

        var voice = await Voice();
        var all = new List<JsonNode>();
        for (var page = 1; page <= 50; page++)
        {
            var rsp = await voice.GetAsync($"{B}/api/staff/call-queue?min_days_since_order=0&max_days_since_order=36500&cooldown_days=0&limit=200&page={page}");
            Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
            var results = (await rsp.Json())["results"]!.AsArray();
            if (results.Count == 0) break;
            // the page order: priority_score descending, then customer id
            var keys = results.Select(r => ((decimal)r!["priority_score"]!, (long)r!["customer_id"]!)).ToList();
            Assert.Equal(keys.OrderByDescending(k => k.Item1).ThenBy(k => k.Item2).ToList(), keys);
            all.AddRange(results.Select(r => r!));
        }

        JsonNode Row(long id) => all.Single(r => (long)r["customer_id"]! == id);
        string[] Strings(JsonNode row, string field) => row[field]!.AsArray().Select(x => (string)x!).ToArray();
        var ra = Row(a.Id); var rb = Row(b.Id); var rc = Row(c.Id);
        Assert.Equal(new[] { p1.Name, p3.Name }, Strings(ra, "reorder_candidates"));
        Assert.Equal(new[] { p1.Name, q1.Name, p2.Name }, Strings(rb, "reorder_candidates"));
        Assert.Equal(new[] { catAName, catBName }, Strings(ra, "top_categories"));
        Assert.Equal(new[] { catBName, catAName }, Strings(rc, "top_categories"));
        Assert.Equal(new[] { q1.Name, q2.Name }, Strings(ra, "suggested_upsells"));
        Assert.Equal(new[] { q2.Name, p3.Name }, Strings(rb, "suggested_upsells"));
        Assert.Equal(new[] { p2.Name, p3.Name }, Strings(rc, "suggested_upsells"));
        var days = (int)ra["days_since_last_order"]!;
        Assert.Equal(2, (int)ra["order_count"]!);
        Assert.Equal(210m, (decimal)ra["lifetime_value"]!);
        Assert.Equal(105m, (decimal)ra["average_order_value"]!);
        Assert.Equal("no_terms", (string)ra["credit_status"]!);
        Assert.Null(ra["last_call"]);
        Assert.Equal(
            new[] { $"Last order was {days} days ago — may be running low on {p1.Name}", "Customer with 2 orders, lifetime value $210.00",
             $"Top categories: {catAName}, {catBName}", $"Suggest: {q1.Name}, {q2.Name}" },
            Strings(ra, "talking_points"));
    }

    [Fact]
    public async Task Do_not_call_customers_and_listed_numbers_never_reach_the_queue_under_any_filter()
    {
        var flagged = await api.CreateCustomerAsync(phone: NewPhone(), terms: "net30", approved: true, creditLimit: 1000);
        var listedPhone = NewPhone();
        await api.Exec("insert into wholesale.do_not_call (phone, reason) values ($1, 'asked before they had an account')", listedPhone);
        var listed = await api.CreateCustomerAsync(phone: listedPhone);                     // the number was on the list before the customer existed
        var control = await api.CreateCustomerAsync(phone: NewPhone());
        var product = await api.CreateProductAsync(unitPrice: 20m);
        foreach (var c in new[] { flagged, listed, control })
            foreach (var daysAgo in new[] { 60, 30 })
            {
                var orderId = await api.Scalar<long>("""
                    insert into wholesale.orders (order_number, customer_id, status, subtotal, total_amount, created_at)
                    values ($1, $2, 'delivered', 100, 100, now() - make_interval(days => $3)) returning id
                    """, WsKit.Unique("VD-"), c.Id, daysAgo);
                await api.Exec("insert into wholesale.order_items (order_id, product_id, product_name, quantity, unit_price, line_total) values ($1, $2, 'Dnc Oil', 5, 20, 100)", orderId, product);
            }
        await api.Exec("update wholesale.customers set do_not_call = true where id = $1", flagged.Id);
        // a callback due today must not override do-not-call either
        foreach (var c in new[] { flagged, listed })
            await api.Exec("""
                insert into wholesale.outbound_call_log (customer_id, phone, outcome, customer_name, callback_date, logged_by)
                select id, phone, 'interested_callback', 'x', current_date - 1, 'test' from wholesale.customers where id = $1
                """, c.Id);
        var staff = await api.StaffClientAsync();
        string[] filters =
        [
            "", "cooldown_days=0", "min_days_since_order=0&max_days_since_order=36500", "min_order_count=1", "min_order_count=2",
            "credit_status=good", "credit_status=no_terms", "credit_status=overdue", "credit_status=none", "sort=days_desc", "sort=ltv_desc",
            "sort=priority&cooldown_days=0&min_days_since_order=0&max_days_since_order=36500&min_order_count=1",
        ];
        foreach (var f in filters)
        {
            var seen = new List<long>();
            for (var page = 1; page <= 50; page++)
            {
                var rsp = await staff.GetAsync($"{B}/api/staff/call-queue?{f}&limit=200&page={page}");
                Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
                var results = (await rsp.Json())["results"]!.AsArray();
                if (results.Count == 0) break;
                seen.AddRange(results.Select(r => (long)r!["customer_id"]!));
            }
            Assert.DoesNotContain(flagged.Id, seen);
            Assert.DoesNotContain(listed.Id, seen);
            if (!f.Contains("credit_status=good") && !f.Contains("credit_status=overdue"))
                Assert.Contains(control.Id, seen);                                          // the filter still lists an ordinary customer
        }
    }

    [Theory]
    // transcript, tool outputs, order placed, the call's order number, customer on do-not-call, direction → hallucination, resolved, escalation, dnc violation, score
    [InlineData("Agent: The fryer oil is $12.50 a case.\nCaller: great, thanks", """[{"success":true,"unit_price":12.50}]""", false, null, false, "inbound", false, true, false, false, 100)]
    [InlineData("Agent: The fryer oil is $14.00 a case.\nCaller: great", """[{"success":true,"unit_price":12.50}]""", false, null, false, "inbound", true, true, false, false, 70)]
    [InlineData("Agent: It is 14 dollars a case.", """[{"success":true,"unit_price":"12.50"}]""", false, null, false, "inbound", true, true, false, false, 70)]
    [InlineData("Agent: That is $14.00 and $15.00, order LLD-ZZZZ9999.", """[{"success":true,"unit_price":12.50}]""", false, null, false, "inbound", true, true, false, false, 40)]   // capped at -60
    [InlineData("Agent: I can add FRY-2040 to your order.", """[{"success":true,"sku":"OIL-35"}]""", false, null, false, "inbound", true, true, false, false, 70)]
    [InlineData("Agent: I can add OIL-35 to your order.", """[{"success":true,"sku":"OIL-35"}]""", false, null, false, "inbound", false, true, false, false, 100)]
    [InlineData("Agent: Your order number is LLD-AB12CD34.", """[{"success":true}]""", true, "LLD-AB12CD34", false, "inbound", false, true, false, false, 100)]
    [InlineData("Agent: Your order number is LLD-AB12CD34.", """[{"success":true}]""", true, "LLD-QQ99QQ99", false, "inbound", true, true, false, false, 70)]
    [InlineData("Agent: Sorry, I could not find that.\nCaller: ok", """[{"success":false}]""", false, null, false, "inbound", false, false, false, false, 75)]
    [InlineData("Agent: Sorry, I could not find that.\nCaller: ok", "[]", true, null, false, "inbound", false, true, false, false, 100)]
    [InlineData("Caller: I want to speak to a manager\nAgent: I can help you with your order.", """[{"success":true}]""", false, null, false, "inbound", false, true, true, false, 85)]
    [InlineData("Caller: I want to speak to a manager\nAgent: I will transfer you now.", """[{"success":true}]""", false, null, false, "inbound", false, true, false, false, 100)]
    [InlineData("Caller: please stop calling me\nAgent: Understood.", """[{"success":true}]""", false, null, false, "outbound", false, true, false, true, 60)]
    [InlineData("Caller: please stop calling me\nAgent: Understood.", """[{"success":true}]""", false, null, true, "outbound", false, true, false, false, 100)]
    [InlineData("Agent: Hi, this is Lakeshore calling about your supplies.\nCaller: ok", """[{"success":true}]""", false, null, true, "outbound", false, true, false, true, 60)]
    [InlineData("Agent: Hi, this is Lakeshore calling about your supplies.\nCaller: ok", """[{"success":true}]""", false, null, true, "inbound", false, true, false, false, 100)]
    [InlineData("Caller: I want a manager, and stop calling me\nAgent: The oil is $9.00.", """[{"success":false}]""", false, null, false, "outbound", true, false, true, true, 0)]   // floored at 0
    [InlineData("", "[]", false, null, false, "inbound", false, false, false, false, 0)]
    public void Local_evaluator_verdicts(string transcript, string tools, bool orderPlaced, string? orderNumber, bool customerDnc, string direction,
        bool hallucination, bool resolved, bool escalation, bool dnc, int score)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(tools);
        var v = LocalEvaluator.Evaluate(new CallFacts(transcript, doc.RootElement, orderPlaced, orderNumber, "done", customerDnc, direction));
        Assert.Equal((hallucination, resolved, escalation, dnc, (decimal)score), (v.Hallucination, v.Resolved, v.EscalationNeeded, v.DncViolation, v.Score));
        Assert.Equal(score == 100, v.Reasons.Count == 0);                                   // every deduction says why
        Assert.False(string.IsNullOrWhiteSpace(v.Summary));
    }

    [Fact]
    public async Task Without_storage_settings_transcripts_go_to_the_table_and_are_served_to_voice_keys_and_staff()
    {
        var voice = await Voice();
        var callId = WsKit.Unique("tbl_");
        var up = await voice.PostJson($"{B}/api/voice/upload-transcript", new { transcript = "Agent: hello\nCaller: hi", call_id = callId, phone = "+13125550177" });
        Assert.Equal(HttpStatusCode.OK, up.StatusCode);
        var body = await up.Json();
        Assert.Equal("database", (string)body["bucket"]!);
        Assert.Equal($"transcripts/{DateTime.UtcNow:yyyy-MM-dd}/+13125550177_{callId}.txt", (string)body["key"]!);
        var path = new Uri((string)body["transcript_url"]!).AbsolutePath;
        Assert.Equal("Agent: hello\nCaller: hi", await (await voice.GetAsync(path)).Content.ReadAsStringAsync());
        var staff = await api.StaffClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await voice.GetAsync($"{B}/api/voice/transcripts/transcripts/2020-01-01/none.txt")).StatusCode);
    }
}
