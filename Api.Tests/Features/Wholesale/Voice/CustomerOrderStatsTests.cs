using System.Net;
using System.Text.Json.Nodes;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.Wholesale.Voice;

/// <summary>wholesale.customer_order_stats (0026), which the call queue ranks from, always equals the plain aggregate of the
/// customers' live orders; and the queue's snake_case filters reach the query.</summary>
public sealed class CustomerOrderStatsTests(VoiceApi api) : IClassFixture<VoiceApi>
{
    const string B = WsKit.Base;
    static string NewPhone() => "+1312" + Random.Shared.Next(2000000, 9999999);

    /// <summary>Rows of the summary and of the plain aggregate for these customers that the other side lacks (empty: equal).</summary>
    async Task<string> Mismatch(params long[] ids) => await api.Scalar<string>("""
        with plain as (
            select o.customer_id, count(*) as n, sum(o.total_amount) as ltv, min(o.created_at) as first_at, max(o.created_at) as last_at
              from wholesale.orders o
             where o.customer_id = any($1) and o.deleted_at is null and o.status <> 'cancelled'
             group by o.customer_id
        ), kept as (
            select s.customer_id, s.n, s.ltv, s.first_at, s.last_at from wholesale.customer_order_stats s where s.customer_id = any($1)
        )
        select coalesce(string_agg(x::text, '; '), '') from (
            (select 'kept' as side, * from kept except select 'kept', * from plain)
            union all
            (select 'plain', * from plain except select 'plain', * from kept)) x
        """, ids);

    async Task<long> Order(long customer, decimal total, int daysAgo, string status = "delivered") => await api.Scalar<long>("""
        insert into wholesale.orders (order_number, customer_id, status, subtotal, total_amount, created_at)
        values ($1, $2, $3, $4, $4, now() - make_interval(days => $5)) returning id
        """, WsKit.Unique("VS-"), customer, status, total, daysAgo);

    [Fact]
    public async Task Summary_follows_inserts_cancels_soft_deletes_edits_and_merges()
    {
        var a = (await api.CreateCustomerAsync(phone: NewPhone())).Id;
        var b = (await api.CreateCustomerAsync(phone: NewPhone())).Id;
        var c = (await api.CreateCustomerAsync(phone: NewPhone())).Id;
        var a1 = await Order(a, 100m, 90);
        var a2 = await Order(a, 40m, 30);
        var aCancelled = await Order(a, 999m, 5, "cancelled");                              // never counts
        await api.Exec("""
            insert into wholesale.orders (order_number, customer_id, status, subtotal, total_amount, created_at)
            select 'VSM-' || $1 || '-' || g, $2, 'pending', 10 * g, 10 * g, now() - make_interval(days => 10 * g) from generate_series(1, 4) g
            """, WsKit.Unique(""), b);                                                    // one statement, several orders
        Assert.Equal("", await Mismatch(a, b, c));
        Assert.Equal(2L, await api.Scalar<long>("select n from wholesale.customer_order_stats where customer_id = $1", a));

        await api.Exec("update wholesale.orders set status = 'cancelled' where id = $1", a2);            // the last order goes
        Assert.Equal("", await Mismatch(a, b, c));
        await api.Exec("update wholesale.orders set status = 'confirmed' where id = $1", aCancelled);    // a cancelled one counts again
        Assert.Equal("", await Mismatch(a, b, c));
        await api.Exec("update wholesale.orders set total_amount = 55.5, created_at = created_at - interval '3 days' where id = $1", a1);
        Assert.Equal("", await Mismatch(a, b, c));
        await api.Exec("update wholesale.orders set deleted_at = now() where customer_id = $1 and total_amount = 40", b);  // soft delete
        Assert.Equal("", await Mismatch(a, b, c));
        await api.Exec("update wholesale.orders set payment_status = 'paid' where customer_id = $1", b);                   // irrelevant
        Assert.Equal("", await Mismatch(a, b, c));

        // merges move the orders (in one statement, or row by row as the merge does on conflicts)
        await api.Exec("select wholesale.move_customer_rows('wholesale.orders', 'customer_id', $1, $2, false)", a, c);
        Assert.Equal("", await Mismatch(a, b, c));
        Assert.Equal(0L, await api.Scalar<long>("select count(*) from wholesale.customer_order_stats where customer_id = $1", a));
        await api.Exec("select wholesale.move_customer_rows('wholesale.orders', 'customer_id', $1, $2, true)", b, c);
        Assert.Equal("", await Mismatch(a, b, c));

        // everything cancelled or deleted: no row, as the plain aggregate has none
        await api.Exec("update wholesale.orders set status = 'cancelled' where customer_id = $1 and status <> 'delivered'", c);
        Assert.Equal("", await Mismatch(a, b, c));
        await api.Exec("update wholesale.orders set deleted_at = now() where customer_id = $1", c);
        Assert.Equal("", await Mismatch(a, b, c));
        Assert.Equal(0L, await api.Scalar<long>("select count(*) from wholesale.customer_order_stats where customer_id = $1", c));
    }

    [Fact]
    public async Task Queue_filters_bind_from_their_snake_case_names()
    {
        var few = (await api.CreateCustomerAsync(phone: NewPhone())).Id;
        var many = (await api.CreateCustomerAsync(phone: NewPhone())).Id;
        foreach (var d in new[] { 60, 40 }) await Order(few, 50m, d);
        foreach (var d in new[] { 90, 70, 50, 40 }) await Order(many, 50m, d);
        var voice = api.KeyClient(await api.CreateApiKeyAsync(["voice"]));
        async Task<List<long>> Ids(string q)
        {
            var all = new List<long>();
            for (var page = 1; page <= 50; page++)
            {
                var rsp = await voice.GetAsync($"{B}/api/staff/call-queue?{q}&limit=200&page={page}");
                Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
                var results = (await rsp.Json())["results"]!.AsArray();
                if (results.Count == 0) break;
                all.AddRange(results.Select(r => (long)r!["customer_id"]!));
            }
            return all;
        }
        var both = await Ids("cooldown_days=0");
        Assert.Contains(few, both); Assert.Contains(many, both);
        var four = await Ids("min_order_count=4");
        Assert.DoesNotContain(few, four); Assert.Contains(many, four);
        Assert.DoesNotContain(many, await Ids("max_days_since_order=30"));
        Assert.DoesNotContain(few, await Ids("credit_status=good"));                         // no terms
        Assert.Equal(HttpStatusCode.BadRequest, (await voice.GetAsync($"{B}/api/staff/call-queue?credit_status=bogus")).StatusCode);
    }
}
