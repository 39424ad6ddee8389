using Api.Tests.Features.Wholesale.Orders;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.Wholesale.StaffOrders;

/// <summary>
/// The staff reports are cached whole (StaffReports/ReportSnapshots.cs) and must never answer with stale figures: every
/// committed order write, by any slice or plain SQL, shows in the very next answer, including writes to old orders (served
/// from the snapshots of closed periods) and the needs_attention count, which changes with no write when a pending order
/// turns 24 hours old.
/// </summary>
public sealed class ReportCacheTests(StaffOrdersFactory api) : IClassFixture<StaffOrdersFactory>
{
    const string Stats = $"{WsKit.Base}/api/staff/stats";

    [Fact]
    public async Task Stats_follow_every_order_write_at_once_old_orders_included()
    {
        var rep = await api.CreateStaffAsync("sales_rep");
        var client = await api.StaffClientAsync(rep);
        foreach (var range in new[] { "all", "30d" })
            Assert.Equal(0, (long)(await (await client.GetAsync($"{Stats}?range={range}")).Ok())["total_orders"]!);

        var (id, _, _, total) = await StaffOrdersKit.OrderAsync(api, price: 10m, qty: 2);
        await api.Exec("update wholesale.orders set sales_rep_id = $1 where id = $2", rep.Id, id);
        var all = await (await client.GetAsync(Stats)).Ok();
        Assert.Equal(1, (long)all["total_orders"]!);
        Assert.Equal(1, (long)all["pending"]!);
        Assert.Equal(total, (decimal)all["total_revenue"]!);
        Assert.Equal(1, (long)(await (await client.GetAsync($"{Stats}?range=30d")).Ok())["total_orders"]!);

        // moved into the old part (more than 40 business days back: a snapshot of its own) and delivered
        await api.Exec("update wholesale.orders set created_at = now() - interval '100 days', status = 'delivered' where id = $1", id);
        all = await (await client.GetAsync(Stats)).Ok();
        Assert.Equal((1L, 0L, 1L), ((long)all["total_orders"]!, (long)all["pending"]!, (long)all["delivered"]!));
        Assert.Equal(0, (long)(await (await client.GetAsync($"{Stats}?range=30d")).Ok())["total_orders"]!);
        Assert.Equal(1, (long)(await (await client.GetAsync(Stats)).Ok())["delivered"]!);   // served again, unchanged

        // a write to that old order shows at once, not when a snapshot would have expired
        await api.Exec("update wholesale.orders set status = 'cancelled' where id = $1", id);
        all = await (await client.GetAsync(Stats)).Ok();
        Assert.Equal((1L, 0L, 1L, 0m), ((long)all["total_orders"]!, (long)all["delivered"]!, (long)all["cancelled"]!, (decimal)all["total_revenue"]!));

        await api.Exec("update wholesale.orders set deleted_at = now() where id = $1", id);
        Assert.Equal(0, (long)(await (await client.GetAsync(Stats)).Ok())["total_orders"]!);
    }

    [Fact]
    public async Task Needs_attention_counts_a_pending_order_once_it_turns_24_hours_old_without_any_write()
    {
        var rep = await api.CreateStaffAsync("sales_rep");
        var client = await api.StaffClientAsync(rep);
        var (id, _, _, _) = await StaffOrdersKit.OrderAsync(api);
        await api.Exec("update wholesale.orders set sales_rep_id = $1, created_at = now() - interval '24 hours' + interval '4 seconds' where id = $2", rep.Id, id);
        var before = await (await client.GetAsync($"{Stats}?range=7d")).Ok();
        Assert.Equal((1L, 0L), ((long)before["pending"]!, (long)before["needs_attention"]!));
        await Task.Delay(TimeSpan.FromSeconds(4.5));
        Assert.Equal(1, (long)(await (await client.GetAsync($"{Stats}?range=7d")).Ok())["needs_attention"]!);
    }

    [Fact]
    public async Task Profit_dashboard_follows_new_orders_and_writes_to_closed_months_at_once()
    {
        var admin = await api.StaffClientAsync("admin");
        const string Profit = $"{WsKit.Base}/api/staff/profit-dashboard?period=12";
        var before = await (await admin.GetAsync(Profit)).Ok();
        var (id, _, _, total) = await StaffOrdersKit.OrderAsync(api, price: 40m, qty: 1, cost: 25m);
        var after = await (await admin.GetAsync(Profit)).Ok();
        Assert.Equal(total, (decimal)after["monthly"]![11]!["total_sales"]! - (decimal)before["monthly"]![11]!["total_sales"]!);

        // back-dated into a closed month (5 months ago, in the business time zone): the closed months' snapshot is renewed at once
        await api.Exec("""
            update wholesale.orders
            set created_at = (date_trunc('month', now() at time zone 'America/Chicago') - interval '5 months' + interval '10 days') at time zone 'America/Chicago'
            where id = $1
            """, id);
        var moved = await (await admin.GetAsync(Profit)).Ok();
        Assert.Equal(1, (long)moved["monthly"]![6]!["order_count"]! - (long)after["monthly"]![6]!["order_count"]!);
        Assert.Equal(25m, (decimal)moved["monthly"]![6]!["cost_of_goods"]! - (decimal)after["monthly"]![6]!["cost_of_goods"]!);

        await api.Exec("update wholesale.order_items set unit_cost = 30 where order_id = $1", id);
        var recost = await (await admin.GetAsync(Profit)).Ok();
        Assert.Equal(5m, (decimal)recost["monthly"]![6]!["cost_of_goods"]! - (decimal)moved["monthly"]![6]!["cost_of_goods"]!);
    }
}
