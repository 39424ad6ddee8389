using System.Net;
using System.Text.Json.Nodes;
using Api.Features.Wholesale.Common;
using Api.Features.Wholesale.Voice;
using Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Api.Tests.Features.Wholesale.Voice;

/// <summary>
/// The call queue's ranking (issue 16's speed work: stored reorder gap, medians from indexes, candidates by a last_at range,
/// cooldown from recent calls only, last call looked up per page row) gives exactly the answer of the documented formula
/// computed plainly: aggregates straight from the live orders, percentile_cont medians over every ordering customer, the
/// latest call of every customer, every candidate scored and sorted with no limit. Compared row by row (id, days, date,
/// count, lifetime value, average, priority_score, credit_status, last_call) over every sort, the filters and deep pages.
/// </summary>
public sealed class CallQueueRankingTests(VoiceApi api) : IClassFixture<VoiceApi>
{
    const string B = WsKit.Base;

    /// <summary>The plain computation: the documented definitions, nothing precomputed, no index tricks.</summary>
    static readonly string Plain = $$"""
        with agg as (
            select o.customer_id, count(*) as n, sum(o.total_amount) as ltv, min(o.created_at) as first_at, max(o.created_at) as last_at
              from wholesale.orders o
             where o.customer_id is not null and o.deleted_at is null and o.status <> 'cancelled'
             group by o.customer_id
        ), med as (
            select coalesce(percentile_cont(0.5) within group (order by extract(epoch from last_at - first_at) / 86400.0 / (n - 1)) filter (where n > 1), 7) as cycle,
                   nullif(percentile_cont(0.5) within group (order by ltv), 0) as ltv
              from agg
        ), lastcall as (
            select distinct on (l.customer_id) l.customer_id, l.created_at, l.outcome, l.callback_date, l.notes
              from wholesale.outbound_call_log l where l.customer_id is not null
             order by l.customer_id, l.created_at desc, l.id desc
        ), ids as (
            select id from wholesale.customers
        ), {{Standing.Cte.Trim()}},
        q as (
            select c.id, @Today - (a.last_at at time zone @Tz)::date as days, (a.last_at at time zone @Tz)::date as last_day,
                   a.n, a.ltv, round(a.ltv / a.n, 2) as aov,
                   round(((@Today - (a.last_at at time zone @Tz)::date)
                          / greatest(case when a.n > 1 then extract(epoch from a.last_at - a.first_at) / 86400.0 / (a.n - 1) else med.cycle end, 1)
                          * least(greatest(coalesce(a.ltv / med.ltv, 1), 0.5), 3))::numeric, 2) as score,
                   cr.credit_status, lc.created_at as call_at, lc.outcome, lc.callback_date, lc.notes
              from agg a cross join med
              join wholesale.customers c on c.id = a.customer_id
              join credit cr on cr.customer_id = c.id
              left join lastcall lc on lc.customer_id = c.id
             where not c.do_not_call and c.deleted_at is null and c.merged_into is null
               and c.phone ~ '^\+[1-9][0-9]{6,14}$'
               and not exists (select from wholesale.do_not_call d where d.phone = c.phone)
               and a.n >= @MinOrders
               and @Today - (a.last_at at time zone @Tz)::date between @MinDays and @MaxDays
               and (lc.created_at is null or lc.created_at < now() - make_interval(days => @Cooldown)
                    or (lc.outcome in ('interested_callback', 'busy_callback') and lc.callback_date <= @Today))
               and (@Credit::text is null or cr.credit_status = @Credit)
        )
        select coalesce(json_agg(json_build_object(
                   'customer_id', q.id, 'days_since_last_order', q.days, 'last_order_date', q.last_day, 'order_count', q.n,
                   'lifetime_value', q.ltv, 'average_order_value', q.aov, 'priority_score', q.score, 'credit_status', q.credit_status,
                   'last_call', case when q.call_at is not null then json_build_object('date', (q.call_at at time zone @Tz)::date,
                                'outcome', q.outcome, 'callback_date', q.callback_date, 'notes', q.notes) end)
                 order by case when @Sort = 'days_desc' then q.days end desc nulls last,
                          case when @Sort = 'ltv_desc' then q.ltv end desc nulls last, q.score desc, q.id), '[]')::text
          from q
        """;

    static readonly string[] Fields =
        ["customer_id", "days_since_last_order", "last_order_date", "order_count", "lifetime_value", "average_order_value",
         "priority_score", "credit_status", "last_call"];

    static string Row(JsonNode row)
    {
        var o = new JsonObject();
        foreach (var f in Fields) o[f] = row[f]?.DeepClone();
        return o.ToJsonString();
    }

    async Task<List<string>> Expected(Dictionary<string, string> q)
    {
        var clock = api.Services.GetRequiredService<BusinessClock>();
        await using var conn = api.OwnerConnection();
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(Plain, conn);
        int Int(string k, int d) => q.TryGetValue(k, out var v) ? int.Parse(v) : d;
        cmd.Parameters.AddWithValue("Today", clock.Today);
        cmd.Parameters.AddWithValue("Tz", clock.ZoneId);
        cmd.Parameters.AddWithValue("MinDays", Int("min_days_since_order", 14));
        cmd.Parameters.AddWithValue("MaxDays", Int("max_days_since_order", 180));
        cmd.Parameters.AddWithValue("MinOrders", Int("min_order_count", 1));
        cmd.Parameters.AddWithValue("Cooldown", Int("cooldown_days", 10));
        cmd.Parameters.AddWithValue("Sort", q.GetValueOrDefault("sort", "priority"));
        cmd.Parameters.Add(new NpgsqlParameter("Credit", NpgsqlTypes.NpgsqlDbType.Text) { Value = q.GetValueOrDefault("credit_status") is { } c and not ("" or "none") ? c : DBNull.Value });   // none: no credit filter
        var text = (string)(await cmd.ExecuteScalarAsync())!;
        return JsonNode.Parse(text)!.AsArray().Select(r => Row(r!)).ToList();
    }

    async Task<(List<string> Rows, List<long> Totals)> Queue(HttpClient client, Dictionary<string, string> q, int limit)
    {
        var rows = new List<string>(); var totals = new List<long>();
        var query = string.Join("&", q.Select(kv => $"{kv.Key}={kv.Value}"));
        for (var page = 1; page <= 500; page++)
        {
            var rsp = await client.GetAsync($"{B}/api/staff/call-queue?{query}&limit={limit}&page={page}");
            Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
            var body = await rsp.Json();
            var results = body["results"]!.AsArray();
            if (results.Count == 0)
            {
                if (page == 1) totals.Add((long)body["total"]!);                       // nothing listed: total 0
                break;
            }
            totals.Add((long)body["total"]!);
            Assert.Equal(page, (int)body["page"]!);
            rows.AddRange(results.Select(r => Row(r!)));
        }
        return (rows, totals);
    }

    static Dictionary<string, string> Q(string query) => query.Split('&', StringSplitOptions.RemoveEmptyEntries)
        .Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);

    /// <summary>
    /// Customers with one to seven orders at uneven times (fractional days, so gaps are not whole), cancelled and soft-deleted
    /// orders, equal totals and equal histories (score ties broken by id), net-30 accounts good and overdue, do-not-call and
    /// missing phones and listed numbers, deleted and merged customers, and calls: recent, old, callbacks due and not yet due, two calls at the same instant.
    /// </summary>
    async Task Seed(string tag, int customers, string area)
    {
        await api.Exec("""
            insert into wholesale.customers (kind, username, email, email_verified, first_name, last_name, company_name, phone,
                                             payment_terms, account_approved, credit_limit, do_not_call)
            select 'account', $1 || g, $1 || g || '@rank.test', true, 'Rank', 'No' || g, 'Rank Co ' || g,
                   case when g % 23 = 0 then null else '+177' || $3 || lpad((g * 7919 % 9000000 + 1000000)::text, 7, '0') end,
                   case when g % 3 = 0 then 'net30' else 'prepaid' end, g % 3 = 0, case when g % 3 = 0 then 2000 else 0 end, g % 29 = 0
              from generate_series(1, $2) g
            """, tag, customers, area);
        // deleted and merged customers (their orders stay, so they keep a summary row): never listed (0030's uncallable set)
        await api.Exec("""
            update wholesale.customers c
               set deleted_at = case when substr(c.username, length($1) + 1)::int % 31 = 0 then now() end,
                   merged_into = case when substr(c.username, length($1) + 1)::int % 37 = 0
                                      then (select t.id from wholesale.customers t where t.username = $1 || '1') end
             where c.username like $1 || '%' and substr(c.username, length($1) + 1)::int % 31 * (substr(c.username, length($1) + 1)::int % 37) = 0
            """, tag);
        // numbers on the do-not-call list (no flag on the customer)
        await api.Exec("""
            insert into wholesale.do_not_call (phone, reason)
            select phone, 'rank test' from wholesale.customers where username like $1 || '%' and phone is not null and substr(username, length($1) + 1)::int % 19 = 0
            """, tag);
        // orders: customer g has 1 + g % 7 orders; order j is (g * 13 + j * 37) % 200 + fraction days old; every 11th cancelled,
        // every 17th soft deleted; totals repeat so lifetime values tie; customers g and g + 1 share a history when g % 10 = 4
        await api.Exec("""
            insert into wholesale.orders (order_number, customer_id, status, subtotal, total_amount, amount_paid, payment_method,
                                          payment_status, created_at, status_changed_at, deleted_at)
            select $1 || c.g || '-' || j, c.id,
                   case when (c.g + j) % 11 = 0 then 'cancelled' when j = 1 and c.g % 3 = 0 then 'shipped' else 'delivered' end,
                   t.total, t.total, case when j = 1 and c.g % 6 = 0 then 0 else t.total end,
                   case when j = 1 and c.g % 3 = 0 then 'net30' else 'card' end,
                   case when j = 1 and c.g % 6 = 0 then 'unpaid' else 'paid' end,
                   now() - make_interval(days => ((h.g * 13 + j * 37) % 200) + 1, hours => (h.g * 5 + j) % 24, mins => j * 7),
                   now() - make_interval(days => ((h.g * 13 + j * 37) % 200)),
                   case when (c.g + j) % 17 = 0 then now() end
              from (select id, substr(username, length($1) + 1)::int as g from wholesale.customers where username like $1 || '%') c
             cross join lateral (select case when c.g % 10 = 5 then c.g - 1 else c.g end as g) h
             cross join lateral generate_series(1, 1 + h.g % 7) j
             cross join lateral (select (50 + (h.g * j) % 9 * 25)::numeric(12,2) as total) t
            """, tag);
        // shipped 40 days ago and unpaid: overdue net-30 for the customers with g % 6 = 0
        await api.Exec("""
            insert into wholesale.order_events (order_id, kind, from_status, to_status, actor_kind, created_at)
            select o.id, 'status', 'confirmed', 'shipped', 'system', now() - interval '40 days'
              from wholesale.orders o where o.order_number like $1 || '%' and o.status = 'shipped'
            """, tag);
        await api.Exec("""
            insert into wholesale.outbound_call_log (customer_id, phone, outcome, customer_name, callback_date, notes, logged_by, created_at)
            select c.id, coalesce(c.phone, '+15550000000'), x.outcome, 'Rank', x.callback_date, x.notes, 'test', x.at
              from (select id, phone, substr(username, length($1) + 1)::int as g from wholesale.customers where username like $1 || '%') c
             cross join lateral (values
                 (c.g % 8 = 1, 'not_interested', null::date, 'recent', now() - interval '3 days'),
                 (c.g % 8 = 2, 'interested_callback', current_date - 1, 'callback due', now() - interval '2 days'),
                 (c.g % 8 = 3, 'busy_callback', current_date + 5, 'callback later', now() - interval '1 day'),
                 (c.g % 8 = 4, 'no_answer', null::date, 'old', now() - interval '20 days'),
                 (c.g % 8 = 5, 'no_answer', null::date, 'older', now() - interval '40 days'),
                 (c.g % 8 = 5, 'interested_callback', current_date - 3, 'newer', now() - interval '15 days'),
                 (c.g % 8 = 6, 'no_answer', null::date, 'same instant a', date_trunc('second', now()) - interval '12 days'),
                 (c.g % 8 = 6, 'busy_callback', current_date, 'same instant b', date_trunc('second', now()) - interval '12 days')
             ) x(pick, outcome, callback_date, notes, at)
             where x.pick
            """, tag);
    }

    [Fact]
    public async Task Every_sort_filter_and_page_equals_the_documented_formula_computed_plainly()
    {
        var voice = api.KeyClient(await api.CreateApiKeyAsync(["voice"]));
        string[] filters =
        [
            "", "sort=days_desc", "sort=ltv_desc", "sort=priority",
            "min_days_since_order=0&max_days_since_order=36500&cooldown_days=0",
            "min_days_since_order=0&max_days_since_order=36500&cooldown_days=0&sort=ltv_desc",
            "min_order_count=3", "min_order_count=6&sort=days_desc", "cooldown_days=30", "cooldown_days=0&sort=days_desc",
            "min_days_since_order=20&max_days_since_order=60", "min_days_since_order=100&max_days_since_order=100",
            "credit_status=good", "credit_status=overdue&sort=ltv_desc&cooldown_days=0", "credit_status=no_terms&sort=days_desc",
            "credit_status=none&max_days_since_order=365",
        ];
        var gapParity = new HashSet<long>(); var ltvParity = new HashSet<long>();
        for (var round = 0; round < 2; round++)
        {
            // the second round adds one multi-order customer: both medians change between an odd and an even count
            await Seed(WsKit.Unique($"rk{round}_"), round == 0 ? 120 : 1, round.ToString());
            gapParity.Add(await api.Scalar<long>("select count(*) % 2 from wholesale.customer_order_stats where n > 1"));
            ltvParity.Add(await api.Scalar<long>("select count(*) % 2 from wholesale.customer_order_stats"));
            foreach (var f in filters)
            {
                var q = Q(f);
                var expected = await Expected(q);
                foreach (var limit in new[] { 7, 200 })
                {
                    var (rows, totals) = await Queue(voice, q, limit);
                    Assert.True(expected.SequenceEqual(rows), $"{f} limit {limit}: expected {expected.Count} rows, got {rows.Count}; first difference at " +
                        $"{Enumerable.Range(0, Math.Min(expected.Count, rows.Count)).Where(i => expected[i] != rows[i]).Select(i => $"{i}: {expected[i]} vs {rows[i]}").FirstOrDefault()}");
                    Assert.All(totals, t => Assert.Equal(expected.Count, t));
                }
                if (f == "")
                    Assert.True(expected.Count > 20, "the default queue lists enough seeded customers to page through");
            }
        }
        Assert.Equal([0L, 1L], gapParity.Order());
        Assert.Equal([0L, 1L], ltvParity.Order());
    }
}
