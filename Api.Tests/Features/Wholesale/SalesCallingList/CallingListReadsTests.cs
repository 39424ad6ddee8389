using System.Text.Json.Nodes;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.Wholesale.SalesCallingList;

/// <summary>
/// The calling list's full-size paths (issue 14 performance: numeric score bounds, the rep's scope only for a rep, no
/// <c>nulls last</c> on never-null sorts, do-not-call from the flagged customers, the assignee joined to the page, a short page
/// as its own count) give what the plain SQL gives: the first version's query, a left join on the customer and float bounds.
/// </summary>
public sealed class CallingListReadsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    const string List = WsKit.Base + "/api/sales/calling-list";

    // the plain SQL's pieces, as the list first wrote them (aliases e and c: the entry and its customer, left joined)
    const string Dnc = "(e.status = 'do_not_call' or coalesce(c.do_not_call, false))";
    static readonly Dictionary<string, string> Segments = new()
    {
        ["priority"] = $"not {Dnc} and e.priority_score::float8 >= 60 and (e.last_called is null or e.last_called < now() - make_interval(days => 3))",
        ["window"] = $"not {Dnc} and e.reorder_interval_days is not null and e.last_order_at is not null " +
                     "and e.last_order_at <= now() - make_interval(secs => e.reorder_interval_days * 0.8 * 86400) " +
                     "and e.last_order_at > now() - make_interval(secs => least(e.reorder_interval_days * 2, 90) * 86400)",
        ["lapsed"] = $"not {Dnc} and e.last_order_at is not null " +
                     "and e.last_order_at <= now() - make_interval(secs => least(coalesce(e.reorder_interval_days * 2, 90), 90) * 86400)",
        ["called"] = "e.last_called >= now() - interval '7 days'",
        ["all"] = "true",
    };

    async Task<(WsKit.Staff RepA, WsKit.Staff RepB)> SeedAsync()
    {
        var repA = await api.CreateStaffAsync("sales_rep");
        var repB = await api.CreateStaffAsync("sales_rep");
        var customers = new List<long>();
        for (var i = 0; i < 6; i++) customers.Add((await api.CreateCustomerAsync()).Id);
        await api.Exec("update wholesale.customers set do_not_call = true where id = any($1)", customers.Take(3).ToArray());
        var prefix = "+1" + Random.Shared.Next(2_000_000, 9_999_999);
        await api.Exec("""
            insert into wholesale.calling_list (phone, company_name, contact_name, assigned_to, status, priority_score, base_score,
                                                last_called, last_order_at, reorder_interval_days, order_count, customer_id)
            select $1 || lpad(i::text, 4, '0'),
                   case when i % 9 = 0 then null else 'Co ' || (i * 7 % 13) end,
                   case when i % 5 = 0 then null else 'Pat ' || (i % 17) end,
                   case i % 3 when 0 then $2 when 1 then $3 end,
                   case when i % 11 = 0 then 'do_not_call' when i % 7 = 0 then 'contacted' else 'new' end,
                   s, s,
                   case i % 4 when 1 then now() - interval '1 day' when 2 then now() - interval '10 days' when 3 then now() - interval '5 days' end,
                   case i % 5 when 1 then now() - interval '100 days' when 2 then now() - interval '12 days'
                              when 3 then now() - interval '40 days' when 4 then now() - interval '200 days' end,
                   case when i % 6 <> 0 then 14 + i % 30 end,
                   i % 4,
                   case when i % 8 = 0 then ($4::bigint[])[(i / 8) % 6 + 1] end
            from generate_series(1, 150) i,
                 lateral (select (case i % 10 when 0 then 60.00 when 1 then 59.99 when 2 then 60.01 when 3 then 75.50 when 4 then 75.50
                                  else (i * 37 % 10000) / 100.0 end)::numeric(6,2) as s) sc
            """, prefix, repA.Id, repB.Id, customers.ToArray());
        return (repA, repB);
    }

    /// <summary>Every id the plain SQL lists, in its order, and each one's do-not-call flag.</summary>
    async Task<(long[] Ids, Dictionary<long, bool> Dnc)> PlainAsync(string segment, string order, long? rep = null, string extra = "true",
        double min = 0, double max = 100)
    {
        var where = $"({(rep is null ? "true" : $"e.assigned_to = {rep} or e.assigned_to is null")}) and ({Segments[segment]})" +
                    $" and e.priority_score::float8 between $1 and $2 and ({extra})";
        var ids = await api.Scalar<long[]>($"""
            select coalesce(array_agg(id order by rn), '{"{}"}') from (
              select e.id, row_number() over (order by {order}) rn
              from wholesale.calling_list e left join wholesale.customers c on c.id = e.customer_id where {where}) t
            """, min, max);
        var flags = await api.Scalar<bool[]>($"""
            select coalesce(array_agg({Dnc} order by e.id), '{"{}"}')
            from wholesale.calling_list e left join wholesale.customers c on c.id = e.customer_id where e.id = any($1)
            """, ids);
        var sorted = ids.Order().ToArray();
        return (ids, sorted.Select((id, i) => (id, flags[i])).ToDictionary(p => p.id, p => p.Item2));
    }

    static async Task AssertPageAsync(HttpClient client, string query, (long[] Ids, Dictionary<long, bool> Dnc) plain, int page, int perPage)
    {
        var rsp = await client.GetAsync($"{List}?{query}&page={page}&per_page={perPage}");
        var body = await rsp.Json();
        Assert.True(rsp.IsSuccessStatusCode, body.ToJsonString());
        var entries = body["entries"]!.AsArray();
        Assert.Equal(plain.Ids.Skip((page - 1) * perPage).Take(perPage).ToArray(), entries.Select(e => (long)e!["id"]!).ToArray());
        Assert.Equal(plain.Ids.Length, (int)body["total"]!);
        Assert.Equal((plain.Ids.Length + perPage - 1) / perPage, (int)body["pages"]!);
        foreach (var e in entries) Assert.Equal(plain.Dnc[(long)e!["id"]!], (bool)e["do_not_call"]!);
    }

    [Fact]
    public async Task List_pages_totals_and_flags_match_the_plain_sql()
    {
        var (repA, repB) = await SeedAsync();
        var admin = await api.StaffClientAsync("admin");
        var a = await api.StaffClientAsync(repA);

        // default: priority segment, score desc, id desc (the index path); a full page, a later page, a short last page, past the end
        var priority = await PlainAsync("priority", "e.priority_score desc nulls last, e.id desc");
        Assert.True(priority.Ids.Length > 20, $"{priority.Ids.Length} priority entries");
        foreach (var (page, per) in new[] { (1, 200), (1, 10), (2, 10), ((priority.Ids.Length + 9) / 10, 10), (99, 10) })
            await AssertPageAsync(admin, "", priority, page, per);

        // a rep: own and unassigned only
        var repPriority = await PlainAsync("priority", "e.priority_score desc nulls last, e.id desc", repA.Id);
        foreach (var (page, per) in new[] { (1, 200), (2, 7), (50, 7) })
            await AssertPageAsync(a, "segment=priority", repPriority, page, per);
        Assert.Equal(repPriority.Ids, (await PlainAsync("priority", "e.priority_score desc, e.id desc", repA.Id)).Ids);

        // ascending score, score bounds off the integers (numeric bounds give what float bounds gave)
        await AssertPageAsync(admin, "segment=all&sort=priority_score&dir=asc&score_min=59.99&score_max=75.5",
            await PlainAsync("all", "e.priority_score asc nulls last, e.id asc", min: 59.99, max: 75.5), 1, 200);
        await AssertPageAsync(a, "segment=all&score_min=60.005&score_max=60.01",
            await PlainAsync("all", "e.priority_score desc nulls last, e.id desc", repA.Id, min: 60.005, max: 60.01), 1, 200);

        // nullable sorts keep nulls last descending; never-null ones sort the same without it
        await AssertPageAsync(admin, "segment=lapsed&sort=company_name&dir=desc",
            await PlainAsync("lapsed", "lower(e.company_name) desc nulls last, e.id desc"), 1, 200);
        await AssertPageAsync(admin, "segment=all&sort=last_called&dir=desc",
            await PlainAsync("all", "e.last_called desc nulls last, e.id desc"), 2, 25);
        await AssertPageAsync(a, "segment=window&sort=last_order_at&dir=asc",
            await PlainAsync("window", "e.last_order_at asc nulls last, e.id asc", repA.Id), 1, 200);
        await AssertPageAsync(admin, "segment=all&sort=order_count&dir=desc",
            await PlainAsync("all", "e.order_count desc nulls last, e.id desc"), 3, 20);
        await AssertPageAsync(admin, "segment=called&sort=status&dir=desc",
            await PlainAsync("called", "e.status desc nulls last, e.id desc"), 1, 200);

        // assignee and status filters
        await AssertPageAsync(admin, $"segment=all&assignee={repB.Id}",
            await PlainAsync("all", "e.priority_score desc nulls last, e.id desc", extra: $"e.assigned_to = {repB.Id}"), 1, 200);
        await AssertPageAsync(a, "segment=all&assignee=me&status=new",
            await PlainAsync("all", "e.priority_score desc nulls last, e.id desc", repA.Id, $"e.assigned_to = {repA.Id} and e.status = 'new'"), 1, 200);
        await AssertPageAsync(admin, "segment=all&assignee=unassigned&status=do_not_call",
            await PlainAsync("all", "e.priority_score desc nulls last, e.id desc", extra: "e.assigned_to is null and e.status = 'do_not_call'"), 1, 200);

        // entries linked to a do-not-call customer are out of the segments and flagged in the list
        var flagged = await api.Scalar<long[]>("""
            select array_agg(e.id) from wholesale.calling_list e join wholesale.customers c on c.id = e.customer_id
            where c.do_not_call and e.status <> 'do_not_call'
            """);
        Assert.NotEmpty(flagged);
        Assert.DoesNotContain(flagged, priority.Ids);
        var all = await PlainAsync("all", "e.id desc");
        Assert.All(flagged, id => Assert.True(all.Dnc[id]));
        var segmentCounts = await (await admin.GetAsync($"{List}/segment-counts")).Json();
        Assert.Equal(priority.Ids.Length, (int)segmentCounts["segments"]!["priority"]!);
        Assert.Equal((await PlainAsync("lapsed", "e.id")).Ids.Length, (int)segmentCounts["segments"]!["lapsed"]!);
        Assert.Equal((await PlainAsync("window", "e.id")).Ids.Length, (int)segmentCounts["segments"]!["window"]!);
    }
}
