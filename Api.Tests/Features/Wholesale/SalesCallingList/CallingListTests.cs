using System.Net;
using System.Text.Json.Nodes;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.Wholesale.SalesCallingList;

public sealed class CallingListTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    const string List = WsKit.Base + "/api/sales/calling-list";

    static async Task<List<long>> Ids(HttpClient c, string query)
    {
        var body = await (await c.GetAsync($"{List}?{query}")).Json();
        return body["entries"]!.AsArray().Select(e => (long)e!["id"]!).ToList();
    }

    [Fact]
    public async Task Add_update_delete_and_validation()
    {
        var admin = await api.StaffClientAsync("admin");
        var phone = SalesKit.Phone();
        var entry = await SalesKit.AddEntryAsync(admin, new { phone = "(" + phone[2..5] + ") " + phone[5..8] + "-" + phone[8..], company_name = "Acme Deli", priority_score = 70 });
        Assert.Equal(phone, (string)entry["phone"]!);
        Assert.Equal(70.0, (double)entry["priority_score"]!);
        Assert.Equal("new", (string)entry["status"]!);
        var id = (long)entry["id"]!;

        var dup = await admin.PostJson($"{List}", new { phone });
        Assert.Equal(HttpStatusCode.Conflict, dup.StatusCode);
        var bad = await admin.PostJson($"{List}", new { phone = "12", priority_score = 140, status = "weird" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var details = (await bad.Json())["details"]!.AsObject();
        Assert.True(details.ContainsKey("phone") && details.ContainsKey("priority_score") && details.ContainsKey("status"), details.ToJsonString());

        // partial: only what is sent changes; PUT and PATCH alike; null clears
        var put = await (await SalesKit.SendJson(admin, HttpMethod.Put, $"/api/sales/calling-list/{id}", """{"notes":"call after 2pm","mark_called":true}""")).Json();
        Assert.Equal("Acme Deli", (string)put["entry"]!["company_name"]!);
        Assert.Equal("call after 2pm", (string)put["entry"]!["notes"]!);
        Assert.NotNull(put["entry"]!["last_called"]);
        var patch = await (await SalesKit.SendJson(admin, HttpMethod.Patch, $"/api/sales/calling-list/{id}", """{"notes":null,"status":"interested"}""")).Json();
        Assert.Null(patch["entry"]!["notes"]);
        Assert.Equal("interested", (string)patch["entry"]!["status"]!);
        var badPatch = await SalesKit.SendJson(admin, HttpMethod.Patch, $"/api/sales/calling-list/{id}", """{"status":"zzz","priority_score":"x","assigned_to":-1}""");
        Assert.Equal(HttpStatusCode.BadRequest, badPatch.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync($"{List}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"{List}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().GetAsync(List)).StatusCode);
    }

    [Fact]
    public async Task A_rep_sees_and_edits_only_their_own_and_unassigned_entries()
    {
        var admin = await api.StaffClientAsync("admin");
        var repA = await api.CreateStaffAsync("sales_rep");
        var repB = await api.CreateStaffAsync("sales_rep");
        var a = await api.StaffClientAsync(repA);
        var b = await api.StaffClientAsync(repB);
        var mine = (long)(await SalesKit.AddEntryAsync(a, new { phone = SalesKit.Phone() }))["id"]!;   // a rep's new entry is theirs
        var open = (long)(await SalesKit.AddEntryAsync(admin, new { phone = SalesKit.Phone() }))["id"]!;
        var theirs = (long)(await SalesKit.AddEntryAsync(b, new { phone = SalesKit.Phone() }))["id"]!;

        var seen = await Ids(a, "segment=all&per_page=200&sort=created_at");
        Assert.Contains(mine, seen);
        Assert.Contains(open, seen);
        Assert.DoesNotContain(theirs, seen);
        Assert.Equal([mine], await Ids(a, "segment=all&assignee=me"));
        Assert.Equal(HttpStatusCode.NotFound, (await SalesKit.SendJson(a, HttpMethod.Patch, $"/api/sales/calling-list/{theirs}", """{"notes":"x"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.DeleteAsync($"{List}/{theirs}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await SalesKit.SendJson(a, HttpMethod.Patch, $"/api/sales/calling-list/{open}", $$"""{"assigned_to":{{repB.Id}}}""")).StatusCode);
        var marked = await (await a.PostJson($"{List}/batch-mark-called", new { ids = new[] { mine, open, theirs } })).Json();
        Assert.Equal(2, (int)marked["updated"]!);
        var kpi = await (await a.GetAsync($"{List}/segment-counts")).Json();
        Assert.Equal(2, (int)kpi["kpi"]!["calls_today"]!);
        Assert.True((int)kpi["segments"]!["called"]! >= 2);

        // admin-only actions refuse reps
        Assert.Equal(HttpStatusCode.Forbidden, (await a.PostJson($"{List}/batch-assign", new { ids = new[] { open }, assignee_id = repA.Id })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await a.PostJson($"{List}/run-decay", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await a.PostJson($"{List}/score-event", new { phone = SalesKit.Phone(), @event = "call_answered" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await a.PostJson($"{List}/backfill-customer-info", new { })).StatusCode);

        var assigned = await (await admin.PostJson($"{List}/batch-assign", new { ids = new[] { open }, assignee_id = repB.Id })).Json();
        Assert.Equal(1, (int)assigned["updated"]!);
        Assert.DoesNotContain(open, await Ids(a, "segment=all&per_page=200"));
        var staffOnly = await api.CreateStaffAsync("staff");
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostJson($"{List}/batch-assign", new { ids = new[] { open }, assignee_id = staffOnly.Id })).StatusCode);
        var unassign = await SalesKit.SendJson(admin, HttpMethod.Post, "/api/sales/calling-list/batch-assign", $$"""{"ids":[{{open}}],"assignee_id":null}""");
        Assert.Equal(HttpStatusCode.OK, unassign.StatusCode);
        Assert.Contains(open, await Ids(a, "segment=all&per_page=200&assignee=unassigned"));

        var staffList = (await (await a.GetAsync($"{List}/staff-list")).Json()).AsArray();
        Assert.Contains(staffList, s => (long)s!["id"]! == repA.Id && (string)s["role"]! == "sales_rep");
        Assert.DoesNotContain(staffList, s => (long)s!["id"]! == staffOnly.Id);
    }

    [Fact]
    public async Task Filters_sorting_and_segments()
    {
        var admin = await api.StaffClientAsync("admin");
        var tag = WsKit.Unique("Zq");
        var high = (long)(await SalesKit.AddEntryAsync(admin, new { phone = SalesKit.Phone(), company_name = tag + " High", priority_score = 90 }))["id"]!;
        var low = (long)(await SalesKit.AddEntryAsync(admin, new { phone = SalesKit.Phone(), company_name = tag + " Low", priority_score = 20 }))["id"]!;
        var dnc = (long)(await SalesKit.AddEntryAsync(admin, new { phone = SalesKit.Phone(), company_name = tag + " Dnc", priority_score = 95, status = "do_not_call" }))["id"]!;
        Assert.Equal([high], await Ids(admin, $"q={tag}"));                        // default segment priority: score >= 60, not DNC
        Assert.Equal([dnc, high, low], await Ids(admin, $"q={tag}&segment=all"));
        Assert.Equal([low, high, dnc], await Ids(admin, $"q={tag}&segment=all&sort=priority_score&dir=asc"));
        Assert.Equal([high], await Ids(admin, $"q={tag}&segment=all&score_min=50&score_max=92"));
        Assert.Equal([dnc], await Ids(admin, $"q={tag}&segment=all&status=do_not_call"));
        await api.Exec("update wholesale.calling_list set last_order_at = now() - interval '100 days' where id = $1", low);
        Assert.Equal([low], await Ids(admin, $"q={tag}&segment=lapsed"));
        await api.Exec("update wholesale.calling_list set last_order_at = now() - interval '12 days', reorder_interval_days = 14 where id = $1", high);
        Assert.Equal([high], await Ids(admin, $"q={tag}&segment=window"));

        var bad = await admin.GetAsync($"{List}?sort=password&dir=up&segment=x&assignee=bob&per_page=0");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var details = (await bad.Json())["details"]!.AsObject();
        Assert.True(details.ContainsKey("sort") && details.ContainsKey("dir") && details.ContainsKey("segment") && details.ContainsKey("assignee"), details.ToJsonString());
    }

    [Fact]
    public async Task Score_events_clamp_and_decay_is_idempotent_within_a_day()
    {
        var admin = await api.StaffClientAsync("admin");
        var phone = SalesKit.Phone();
        var email = WsKit.Unique("lead") + "@lead.test";
        var id = (long)(await SalesKit.AddEntryAsync(admin, new { phone, email, priority_score = 90 }))["id"]!;
        var ev = await (await admin.PostJson($"{List}/score-event", new { phone, @event = "order_placed" })).Json();
        Assert.Equal(id, (long)ev["id"]!);
        Assert.Equal(100.0, (double)ev["new_score"]!);
        Assert.Contains("capped", (string)ev["reason"]!);
        var byEmail = await (await admin.PostJson($"{List}/score-event", new { email, @event = "not_interested" })).Json();
        Assert.Equal(80.0, (double)byEmail["new_score"]!);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostJson($"{List}/score-event", new { phone, @event = "bought_a_yacht" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostJson($"{List}/score-event", new { @event = "voicemail" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostJson($"{List}/score-event", new { phone = SalesKit.Phone(), @event = "voicemail" })).StatusCode);

        // a month-old event at 80 with a 30-day half-life decays to 40; the same day again changes nothing
        await api.Exec("update wholesale.calling_list set last_event_at = now() - interval '30 days' - interval '1 day' where id = $1", id);
        var dncId = (long)(await SalesKit.AddEntryAsync(admin, new { phone = SalesKit.Phone(), priority_score = 80, status = "do_not_call" }))["id"]!;
        await api.Exec("update wholesale.calling_list set last_event_at = now() - interval '60 days' where id = $1", dncId);
        var first = await (await admin.PostJson($"{List}/run-decay", new { })).Json();
        Assert.True((bool)first["success"]!);
        Assert.True((int)first["updated"]! >= 1);
        var score = await api.Scalar<decimal>("select priority_score from wholesale.calling_list where id = $1", id);
        Assert.InRange(score, 36m, 41m);
        var second = await (await admin.PostJson($"{List}/run-decay", new { })).Json();
        Assert.Equal(score, await api.Scalar<decimal>("select priority_score from wholesale.calling_list where id = $1", id));
        Assert.Equal(80m, await api.Scalar<decimal>("select priority_score from wholesale.calling_list where id = $1", dncId));
        Assert.Equal((int)first["total"]!, (int)second["total"]!);
    }

    [Fact]
    public async Task Upload_csv_dedupes_and_reports_errors_by_line()
    {
        var rep = await api.CreateStaffAsync("sales_rep");
        var client = await api.StaffClientAsync(rep);
        var existing = SalesKit.Phone();
        await SalesKit.AddEntryAsync(client, new { phone = existing });
        var (p1, p2) = (SalesKit.Phone(), SalesKit.Phone());
        var csv = "Phone,Company,Contact Name,Email,Priority Score\n" +
                  $"{p1},One Cafe,Ann,ann@one.test,75\n" +
                  "not-a-phone,Bad Row,,,\n" +
                  $"{p1},One Cafe again,,,\n" +
                  $"{existing},Already listed,,,\n" +
                  $"{p2},Two Grill,,,\n" +
                  $"{SalesKit.Phone()},Score too high,,,150\n";
        var rsp = await client.PostAsync($"{List}/upload-csv", SalesKit.Csv(csv));
        var body = await rsp.Json();
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        Assert.Equal(2, (int)body["created"]!);
        Assert.Equal(2, (int)body["dupes"]!);
        Assert.Equal(2, (int)body["skipped"]!);
        var lines = body["errors"]!.AsArray().Select(e => (int)e!["line"]!).ToList();
        Assert.Equal([3, 7], lines);
        Assert.Equal(rep.Id, await api.Scalar<long>("select assigned_to from wholesale.calling_list where phone = $1", p1));
        Assert.Equal("One Cafe", await api.Scalar<string>("select company_name from wholesale.calling_list where phone = $1", p1));

        var noPhone = await client.PostAsync($"{List}/upload-csv", SalesKit.Csv("company,email\nx,y@z.test\n"));
        Assert.Equal(HttpStatusCode.BadRequest, noPhone.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync($"{List}/upload-csv", new MultipartFormDataContent())).StatusCode);
    }

    [Fact]
    public async Task Numbers_on_the_do_not_call_list_are_refused_by_add_and_skipped_by_upload()
    {
        var admin = await api.StaffClientAsync("admin");
        var (listed, listed2, free, free2) = (SalesKit.Phone(), SalesKit.Phone(), SalesKit.Phone(), SalesKit.Phone());
        foreach (var p in new[] { listed, listed2 })
            await api.Exec("insert into wholesale.do_not_call (phone, reason) values ($1, 'dnc_requested on an outbound call')", p);

        // add: a listed number (in any writing) is 409 and nothing is added; another number is added as before
        var refused = await admin.PostJson($"{List}", new { phone = "(" + listed[2..5] + ") " + listed[5..8] + "-" + listed[8..], company_name = "Listed Deli" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var error = await refused.Json();
        Assert.False((bool)error["success"]!);
        Assert.Contains("do-not-call", (string)error["error"]!);
        Assert.Equal(0L, await api.Scalar<long>("select count(*) from wholesale.calling_list where phone = $1", listed));
        Assert.Equal(free, (string)(await SalesKit.AddEntryAsync(admin, new { phone = free }))["phone"]!);

        // upload: rows whose phone or phone2 is listed are skipped and reported by line; the others go in
        var csv = "Phone,Phone2,Company\n" +
                  $"{listed[2..]},,Listed One\n" +
                  $"{free2},,Free Two\n" +
                  $"{SalesKit.Phone()},{listed2},Listed Alt\n" +
                  "bad-phone,,Bad Row\n";
        var rsp = await admin.PostAsync($"{List}/upload-csv", SalesKit.Csv(csv));
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        var body = await rsp.Json();
        Assert.Equal(1, (int)body["created"]!);
        Assert.Equal(2, (int)body["do_not_call"]!);
        Assert.Equal(3, (int)body["skipped"]!);
        Assert.Equal(0, (int)body["dupes"]!);
        var errors = body["errors"]!.AsArray();
        Assert.Equal(new[] { 2, 4, 5 }, errors.Select(e => (int)e!["line"]!).ToArray());
        Assert.Contains(listed, (string)errors[0]!["error"]!);
        Assert.Contains(listed2, (string)errors[1]!["error"]!);
        Assert.Equal(0L, await api.Scalar<long>("select count(*) from wholesale.calling_list where phone = $1 or phone2 = $2", listed, listed2));
        Assert.Equal("Free Two", await api.Scalar<string>("select company_name from wholesale.calling_list where phone = $1", free2));
    }

    [Fact]
    public async Task Backfill_links_by_phone_then_email_and_is_rerunnable()
    {
        var admin = await api.StaffClientAsync("admin");
        var phone = SalesKit.Phone();
        var byPhone = await api.CreateCustomerAsync(phone: phone);
        var byEmail = await api.CreateCustomerAsync();
        var e1 = (long)(await SalesKit.AddEntryAsync(admin, new { phone }))["id"]!;
        var e2 = (long)(await SalesKit.AddEntryAsync(admin, new { phone = SalesKit.Phone(), email = byEmail.Email }))["id"]!;
        var product = await api.CreateProductAsync(sku: WsKit.Unique("PP-"));
        var sku = await api.Scalar<string>("select sku from wholesale.products where id = $1", product);
        var orderId = await api.Scalar<long>("insert into wholesale.orders (order_number, customer_id, status, total_amount) values ($1, $2, 'delivered', 50) returning id",
            WsKit.Unique("T-"), byPhone.Id);
        await api.Exec("insert into wholesale.order_items (order_id, product_id, product_name, product_sku, quantity, unit_price, line_total) values ($1, $2, 'Thing', $3, 1, 50, 50)",
            orderId, product, sku);

        var first = await (await admin.PostJson($"{List}/backfill-customer-info", new { })).Json();
        Assert.True((int)first["linked"]! >= 2);
        Assert.Equal(byPhone.Id, await api.Scalar<long>("select customer_id from wholesale.calling_list where id = $1", e1));
        Assert.Equal(byEmail.Id, await api.Scalar<long>("select customer_id from wholesale.calling_list where id = $1", e2));
        Assert.Equal(1, await api.Scalar<int>("select order_count from wholesale.calling_list where id = $1", e1));
        var again = await (await admin.PostJson($"{List}/backfill-customer-info", new { })).Json();
        Assert.Equal(0, (int)again["linked"]!);
        Assert.Equal((int)again["total"]!, (int)again["already_linked"]! + (int)again["no_match"]!);

        Assert.Equal([e1], await Ids(admin, $"segment=all&purchased_skus={sku}"));
        var products = (await (await admin.GetAsync($"{List}/purchased-products")).Json())["products"]!.AsArray();
        Assert.Contains(products, p => (string)p!["sku"]! == sku && (int)p["purchase_count"]! == 1);
    }
}
