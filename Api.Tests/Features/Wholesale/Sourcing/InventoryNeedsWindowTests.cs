using Api.Tests.Infrastructure;
using Npgsql;
using static Api.Tests.Features.Wholesale.Sourcing.SourcingKit;

namespace Api.Tests.Features.Wholesale.Sourcing;

/// <summary>
/// The running 90-day total per product (0028: wholesale.product_sales_window, its state's from_day, the daily triggers, the
/// roll and wholesale.product_sales_window_units) against the plain sum over the order lines, at any instant: through the
/// day, across UTC midnight, with days rolling out of the window, with the roll current, lagging, ahead or skipped, and
/// after cancels, soft deletes, edits, moves and deletes of orders and lines.
/// </summary>
public sealed class InventoryNeedsWindowTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    const string Mismatches = """
        select count(*) from (
            select i.product_id, sum(i.quantity)::bigint as units
            from wholesale.orders o join wholesale.order_items i on i.order_id = o.id
            where i.product_id = any($2) and o.status <> 'cancelled' and o.deleted_at is null
              and o.created_at >= $1 - make_interval(days => 90)
            group by 1
        ) t full join (
            select product_id, units from wholesale.product_sales_window_units($1, 90, null) where product_id = any($2)
        ) w using (product_id)
        where t.units is distinct from w.units
        """;

    /// <summary>The running total equals the daily rows on or after from_day, for every product.</summary>
    const string TotalDrift = """
        select count(*) from (
            select product_id, sum(units) as units from wholesale.product_sales_daily
            where day >= (select from_day from wholesale.product_sales_window_state) group by 1 having sum(units) <> 0
        ) d full join (select product_id, units from wholesale.product_sales_window where units <> 0) w using (product_id)
        where d.units is distinct from w.units
        """;

    async Task<long> OrderAsync(DateTimeOffset at, params (long Product, int Qty)[] lines)
    {
        var order = await api.Scalar<long>(
            "insert into wholesale.orders (order_number, status, created_at) values ($1, 'delivered', $2) returning id",
            WsKit.Unique("INV-WIN-"), at);
        foreach (var (p, q) in lines)
            await api.Exec("""
                insert into wholesale.order_items (order_id, product_id, product_name, quantity, unit_price, line_total)
                values ($1, $2, 'window test', $3, 1, $3)
                """, order, p, q);
        return order;
    }

    Task<bool> RollAsync(DateTimeOffset asOf) => api.Scalar<bool>("select wholesale.product_sales_window_roll($1, 90)", asOf);

    async Task AssertExactAsync(DateTimeOffset asOf, long[] products, string what)
    {
        Assert.True(0 == await api.Scalar<long>(Mismatches, asOf, products), $"{what}: window units differ from the order lines at {asOf:O}");
        Assert.True(0 == await api.Scalar<long>(TotalDrift), $"{what}: running total differs from the daily rows");
    }

    [Fact]
    public async Task The_window_equals_the_order_lines_at_any_instant_whatever_the_roll()
    {
        var now = await api.Scalar<DateTime>("select date_trunc('second', now())");
        var t0 = new DateTimeOffset(DateTime.SpecifyKind(now, DateTimeKind.Utc));
        var midnight = new DateTimeOffset(t0.UtcDateTime.Date, TimeSpan.Zero);   // today's UTC midnight
        var products = new long[3];
        for (var i = 0; i < products.Length; i++) products[i] = await api.CreateProductAsync(stock: 0);
        var (a, b, c) = (products[0], products[1], products[2]);

        // orders around the window's start over the next days (90 days before the instants below), around UTC midnights,
        // exactly on a window start, in the middle of the window, today and in the future
        var orders = new List<long>();
        for (var d = -2; d <= 4; d++)
        {
            var edge = midnight.AddDays(d - 90);
            orders.Add(await OrderAsync(edge.AddSeconds(-1), (a, 1), (b, 2)));
            orders.Add(await OrderAsync(edge, (a, 10)));
            orders.Add(await OrderAsync(edge.AddHours(7), (b, 100), (c, 3)));
            orders.Add(await OrderAsync(edge.AddHours(23).AddMinutes(59), (a, 1000)));
        }
        orders.Add(await OrderAsync(t0.AddDays(-90).AddHours(10), (c, 7)));   // a window starts exactly on it (t0 + 10 h)
        orders.Add(await OrderAsync(t0.AddDays(-45), (a, 5), (c, 5)));
        orders.Add(await OrderAsync(t0.AddMinutes(-1), (b, 9)));
        orders.Add(await OrderAsync(t0.AddDays(2), (c, 11)));                  // dated in the future

        var instants = new List<DateTimeOffset> { t0, t0.AddHours(10) };
        for (var d = 0; d <= 4; d++)
        {
            instants.AddRange([midnight.AddDays(d).AddSeconds(-1), midnight.AddDays(d), midnight.AddDays(d).AddSeconds(1),
                               midnight.AddDays(d).AddHours(7), midnight.AddDays(d).AddHours(7).AddSeconds(1), midnight.AddDays(d).AddHours(16)]);
        }
        instants.Sort();

        // 1. the roll never runs after the migration's: the read corrects for any lag
        foreach (var at in instants) await AssertExactAsync(at, products, "no roll");
        // 2. the roll follows the clock (each instant rolled to before it is read), then is set back and ahead of it
        foreach (var at in instants)
        {
            Assert.True(await RollAsync(at));
            await AssertExactAsync(at, products, "rolled to the instant");
        }
        Assert.True(await RollAsync(t0.AddDays(-3)));
        foreach (var at in instants) await AssertExactAsync(at, products, "roll behind");
        Assert.True(await RollAsync(t0.AddDays(6)));
        foreach (var at in instants) await AssertExactAsync(at, products, "roll ahead");
        Assert.True(await RollAsync(t0));

        // 3. every change to orders and lines, each checked at a spread of instants with the roll where it is
        async Task Changed(string what)
        {
            foreach (var at in new[] { t0, midnight.AddDays(1).AddSeconds(-1), midnight.AddDays(1), midnight.AddDays(2).AddHours(7), midnight.AddDays(4).AddHours(16) })
                await AssertExactAsync(at, products, what);
        }
        var edgeOrder = orders[4 * 3 + 2];   // (b 100, c 3) at tomorrow's window start + 7 h
        await api.Exec("update wholesale.orders set status = 'cancelled' where id = $1", edgeOrder);
        await Changed("cancel");
        Assert.True(await RollAsync(midnight.AddDays(2)));   // rolls the cancelled order's day out while it is cancelled
        await api.Exec("update wholesale.orders set status = 'delivered' where id = $1", edgeOrder);
        await Changed("uncancel after its day left the running total");
        await api.Exec("update wholesale.orders set deleted_at = now() where id = any($1)", new[] { orders[1], orders[30] });
        await Changed("soft delete");
        await api.Exec("update wholesale.orders set deleted_at = null where id = $1", orders[30]);
        await Changed("undelete");
        await api.Exec("update wholesale.order_items set quantity = quantity + 4 where order_id = any($1)", orders.ToArray());
        await Changed("quantities");
        await api.Exec("update wholesale.order_items set product_id = $2 where product_id = $1 and order_id = $3", b, a, orders[14]);
        await Changed("line moved to another product");
        await api.Exec("update wholesale.orders set created_at = created_at - interval '1 day' where id = any($1)", new[] { orders[8], orders[9], orders[10] });
        await Changed("orders moved a day back, out of the running total");
        await api.Exec("update wholesale.orders set created_at = $2 where id = $1", orders[0], t0.AddDays(-1));
        await Changed("an old order moved into the window");
        await api.Exec("delete from wholesale.order_items where order_id = any($1) and product_id = $2", new[] { orders[5], orders[17], orders[31] }, c);
        await Changed("lines deleted");
        await api.Exec("""
            insert into wholesale.order_items (order_id, product_id, product_name, quantity, unit_price, line_total)
            select o, p, 'bulk', 2, 1, 2 from unnest($1::bigint[]) o, unnest($2::bigint[]) p
            """, orders.ToArray(), products);
        await Changed("lines inserted in bulk");
        await api.Exec("delete from wholesale.order_items where order_id = $1", orders[^2]);
        await Changed("an order's lines deleted");
        Assert.True(await RollAsync(midnight.AddDays(4).AddHours(16)));
        foreach (var at in instants) await AssertExactAsync(at, products, "after the changes, rolled ahead");
        Assert.True(await RollAsync(t0));
        foreach (var at in instants) await AssertExactAsync(at, products, "after the changes, rolled back");
    }

    /// <summary>The plain computation of the documented rules, straight from the order lines (no rollup, no pre-filter).</summary>
    const string PlainList = """
        with s as (
            select i.product_id, sum(i.quantity)::int as units
            from wholesale.orders o join wholesale.order_items i on i.order_id = o.id
            where o.created_at >= now() - interval '90 days' and o.status <> 'cancelled' and o.deleted_at is null
              and i.product_id is not null
            group by 1
        ), lead as (
            select lower(c.name) as category, min(s.lead_time_days) as days
            from wholesale.suppliers s cross join unnest(s.product_categories) c(name)
            where s.is_active and s.lead_time_days is not null group by 1
        ), inc as (
            select si.product_id, sum(si.quantity)::int as qty
            from wholesale.sourcing_shipment_items si
            join wholesale.sourcing_shipments h on h.id = si.shipment_id and h.status not in ('received', 'cancelled')
            group by 1
        ), f as (
            select p.id, p.stock_quantity as stock, s.units, s.units::numeric / 90 as daily,
                   coalesce(l.days, 30) as lead_days, coalesce(inc.qty, 0) as incoming
            from s join wholesale.products p on p.id = s.product_id and p.deleted_at is null
            left join wholesale.categories cat on cat.id = p.category_id
            left join lead l on l.category = lower(cat.name)
            left join inc on inc.product_id = p.id
            where p.stock_quantity is not null
        )
        select string_agg(format('%s:%s:%s:%s:%s', id, units, lead_days, ceil(daily * (lead_days + 14)),
                                 greatest(ceil(daily * (lead_days + 44)) - stock - incoming, 1)), ',' order by n)
        from (select f.*, row_number() over (order by (stock + incoming) / nullif(daily, 0) nulls last, units desc, id) as n
              from f where stock + incoming < ceil(daily * (lead_days + 14))) x
        """;

    [Fact]
    public async Task The_list_equals_the_plain_computation_rows_and_order()
    {
        var staff = await api.StaffClientAsync();
        var categories = new List<long>();
        for (var k = 0; k < 3; k++)
        {
            var name = WsKit.Unique("Win Cat ");
            categories.Add(await api.CreateCategoryAsync(name));
            if (k < 2) await SupplierAsync(staff, name, leadTime: k == 0 ? 5 : 75);   // the third has the default 30
        }
        var now = new DateTimeOffset(DateTime.SpecifyKind(await api.Scalar<DateTime>("select now()"), DateTimeKind.Utc));
        var rng = new Random(15);
        var products = new List<long>();
        for (var k = 0; k < 60; k++)
        {
            var p = await api.CreateProductAsync(stock: k % 7 == 6 ? null : rng.Next(0, 120), categoryId: categories[k % 3]);
            products.Add(p);
            for (var j = rng.Next(0, 4); j > 0; j--)
                await OrderAsync(now.AddDays(-rng.Next(0, 100)).AddMinutes(-rng.Next(0, 1440)), (p, rng.Next(1, 60)));
        }
        await ShipmentAsync(staff, new { items = products.Where((_, i) => i % 5 == 0).Select(p => new { product_id = p, quantity = 7 }).ToArray() });
        // some sales stop counting, the running total lags a few days behind
        await api.Exec("update wholesale.orders set status = 'cancelled' where id in (select o.id from wholesale.orders o join wholesale.order_items i on i.order_id = o.id where i.product_id = any($1) and o.id % 4 = 0)", products.ToArray());
        Assert.True(await RollAsync(now.AddDays(-3)));

        var plain = await api.Scalar<string>(PlainList);
        var list = (await staff.GetAsync($"{S}/inventory-needs?limit=5000").Ok()).AsArray();
        var answered = string.Join(",", list.Select(n => $"{n!["product_id"]}:{n["units_sold_90d"]}:{n["lead_time_days"]}:{n["reorder_point"]}:{n["suggested_quantity"]}"));
        Assert.Contains(list, n => products.Contains((long)n!["product_id"]!));
        Assert.Equal(plain, answered);
    }

    [Fact]
    public async Task The_endpoint_answers_the_order_lines_with_the_roll_behind_or_ahead()
    {
        var staff = await api.StaffClientAsync();
        var p = await api.CreateProductAsync(stock: 1);
        var at = await api.Scalar<DateTime>("select now()");
        var now = new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc));
        await OrderAsync(now.AddDays(-89).AddHours(-12), (p, 30));
        await OrderAsync(now.AddDays(-88), (p, 20));
        await OrderAsync(now.AddDays(-2), (p, 40));
        await OrderAsync(now.AddDays(-91), (p, 500));
        async Task<int> Units() =>
            (int)(await staff.GetAsync($"{S}/inventory-needs?product_id={p}").Ok()).AsArray().Single()!["units_sold_90d"]!;
        foreach (var roll in new[] { now.AddDays(-5), now.AddDays(3), now })
        {
            Assert.True(await RollAsync(roll));
            Assert.Equal(90, await Units());
        }
        // and the list names the product (1 in stock, 1 a day)
        Assert.True(await RollAsync(now.AddDays(-5)));
        var list = (await staff.GetAsync($"{S}/inventory-needs?limit=5000").Ok()).AsArray();
        Assert.Equal(90, (int)list.Single(n => (long)n!["product_id"]! == p)!["units_sold_90d"]!);
    }

    [Fact]
    public async Task The_roll_never_waits_for_a_writer()
    {
        var p = await api.CreateProductAsync(stock: 0);
        var order = await OrderAsync(DateTimeOffset.UtcNow.AddDays(-1), (p, 1));
        await using var conn = api.OwnerConnection();
        await conn.OpenAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await using (var cmd = new NpgsqlCommand(
            "insert into wholesale.order_items (order_id, product_id, product_name, quantity, unit_price, line_total) values ($1, $2, 'open', 2, 1, 2)", conn, tx))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = order });
            cmd.Parameters.Add(new NpgsqlParameter { Value = p });
            await cmd.ExecuteNonQueryAsync();
        }
        // the open insert holds the state row: the roll skips at once instead of queueing behind it
        Assert.False(await RollAsync(DateTimeOffset.UtcNow.AddDays(-2)));
        await tx.CommitAsync();
        Assert.True(await RollAsync(DateTimeOffset.UtcNow.AddDays(-2)));
        Assert.True(await RollAsync(DateTimeOffset.UtcNow));
        await AssertExactAsync(DateTimeOffset.UtcNow, [p], "after the skipped roll");
        Assert.Equal(3L, await api.Scalar<long>("select units from wholesale.product_sales_window_units(now(), 90, $1)", p));
    }
}
