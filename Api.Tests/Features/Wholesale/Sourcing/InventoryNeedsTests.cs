using System.Net;
using Api.Tests.Infrastructure;
using static Api.Tests.Features.Wholesale.Sourcing.SourcingKit;

namespace Api.Tests.Features.Wholesale.Sourcing;

/// <summary>
/// inventory-needs on known data: daily units sold over 90 days x (lead time + 14 safety days), less stock in open sourcing
/// shipments, with a suggested quantity covering 30 more days (the defaults of <c>Wholesale:Sourcing:*</c>).
/// </summary>
public sealed class InventoryNeedsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    /// <summary>An order of <paramref name="qty"/> units of the product, <paramref name="daysAgo"/> days old.</summary>
    async Task SoldAsync(long product, int qty, int daysAgo, string status = "delivered", bool deleted = false)
    {
        var order = await api.Scalar<long>("""
            insert into wholesale.orders (order_number, status, created_at, deleted_at)
            values ($1, $2, now() - make_interval(days => $3), case when $4 then now() end) returning id
            """, WsKit.Unique("INV-NEEDS-"), status, daysAgo, deleted);
        await api.Exec("""
            insert into wholesale.order_items (order_id, product_id, product_name, quantity, unit_price, line_total)
            values ($1, $2, 'needs test', $3, 1, $3)
            """, order, product, qty);
    }

    [Fact]
    public async Task The_formula_on_known_sales_lead_times_and_open_shipments()
    {
        var staff = await api.StaffClientAsync();
        var category = WsKit.Unique("Needs Cat ");
        var categoryId = await api.CreateCategoryAsync(category);
        // lead time: the shortest among ACTIVE suppliers listing the category, matched case-insensitively
        await SupplierAsync(staff, category.ToUpperInvariant(), leadTime: 16);
        await SupplierAsync(staff, category, leadTime: 40);
        var inactive = await SupplierAsync(staff, category, leadTime: 2);
        await staff.PutJson($"{S}/suppliers/{inactive}", new { is_active = false }).Ok();

        var low = await api.CreateProductAsync(stock: 20, categoryId: categoryId);
        var plenty = await api.CreateProductAsync(stock: 100, categoryId: categoryId);
        var untracked = await api.CreateProductAsync(stock: null, categoryId: categoryId);
        foreach (var p in new[] { low, plenty, untracked })
        {
            await SoldAsync(p, 60, daysAgo: 10);
            await SoldAsync(p, 30, daysAgo: 80);                       // 90 units in 90 days: 1.0 a day
            await SoldAsync(p, 500, daysAgo: 5, status: "cancelled");  // not sales
            await SoldAsync(p, 400, daysAgo: 3, deleted: true);        // not sales
            await SoldAsync(p, 300, daysAgo: 120);                     // outside the window
        }
        // stock on the way: only shipments neither received nor cancelled count
        await ShipmentAsync(staff, new { items = new object[] { new { product_id = low, quantity = 5 } } });
        var received = (long)(await ShipmentAsync(staff, new { items = new object[] { new { product_id = low, quantity = 100 } } }))["id"]!;
        await staff.PutJson($"{S}/shipments/{received}/status", new { status = "received" }).Ok();
        var cancelled = (long)(await ShipmentAsync(staff, new { items = new object[] { new { product_id = low, quantity = 70 } } }))["id"]!;
        await staff.PutJson($"{S}/shipments/{cancelled}/status", new { status = "cancelled" }).Ok();

        var need = (await staff.GetAsync($"{S}/inventory-needs?product_id={low}").Ok()).AsArray().Single()!;
        Assert.Equal(low, (long)need["product_id"]!);
        Assert.Equal(category, (string)need["category"]!);
        Assert.Equal(20, (int)need["stock_quantity"]!);
        Assert.Equal(90, (int)need["units_sold_90d"]!);
        Assert.Equal(1.0m, (decimal)need["daily_units"]!);
        Assert.Equal(16, (int)need["lead_time_days"]!);
        Assert.Equal(14, (int)need["safety_days"]!);
        Assert.Equal(30, (int)need["reorder_point"]!);          // ceil(1.0 x (16 + 14))
        Assert.Equal(5, (int)need["incoming_quantity"]!);
        Assert.Equal(25.0m, (decimal)need["days_of_cover"]!);   // (20 + 5) / 1.0
        Assert.True((bool)need["needs_reorder"]!);              // 25 < 30
        Assert.Equal(35, (int)need["suggested_quantity"]!);     // ceil(1.0 x (16 + 14 + 30)) - 20 - 5

        // the list has the low product, not the well-stocked one nor the one without tracked stock
        var list = (await staff.GetAsync($"{S}/inventory-needs").Ok()).AsArray();
        Assert.Contains(list, n => (long)n!["product_id"]! == low);
        Assert.DoesNotContain(list, n => (long)n!["product_id"]! == plenty);
        Assert.DoesNotContain(list, n => (long)n!["product_id"]! == untracked);

        // asked for by id, a product that needs nothing answers its figures with needs_reorder false
        var fine = (await staff.GetAsync($"{S}/inventory-needs?product_id={plenty}").Ok()).AsArray().Single()!;
        Assert.False((bool)fine["needs_reorder"]!);
        Assert.Equal(0, (int)fine["suggested_quantity"]!);
        Assert.Equal(30, (int)fine["reorder_point"]!);
        Assert.Equal(0, (int)fine["incoming_quantity"]!);

        // the open shipment arrives and is received: nothing incoming any more, so more is suggested
        await api.Exec("update wholesale.sourcing_shipments set status = 'received' where id in (select shipment_id from wholesale.sourcing_shipment_items where product_id = $1)", low);
        var after = (await staff.GetAsync($"{S}/inventory-needs?product_id={low}").Ok()).AsArray().Single()!;
        Assert.Equal(0, (int)after["incoming_quantity"]!);
        Assert.Equal(40, (int)after["suggested_quantity"]!);    // 60 - 20
    }

    [Fact]
    public async Task Without_a_supplier_lead_time_the_default_30_days_applies_and_no_sales_needs_nothing()
    {
        var staff = await api.StaffClientAsync();
        var p = await api.CreateProductAsync(stock: 3, categoryId: await api.CreateCategoryAsync());
        await SoldAsync(p, 45, daysAgo: 1);   // 0.5 a day
        var need = (await staff.GetAsync($"{S}/inventory-needs?product_id={p}").Ok()).AsArray().Single()!;
        Assert.Equal(30, (int)need["lead_time_days"]!);
        Assert.Equal(22, (int)need["reorder_point"]!);         // ceil(0.5 x 44)
        Assert.Equal(34, (int)need["suggested_quantity"]!);    // ceil(0.5 x 74) - 3
        Assert.Equal(6.0m, (decimal)need["days_of_cover"]!);

        var idle = await api.CreateProductAsync(stock: 0);
        var none = (await staff.GetAsync($"{S}/inventory-needs?product_id={idle}").Ok()).AsArray().Single()!;
        Assert.Equal(0, (int)none["units_sold_90d"]!);
        Assert.Equal(0, (int)none["reorder_point"]!);
        Assert.False((bool)none["needs_reorder"]!);
        Assert.Null(none["days_of_cover"]);
    }

    /// <summary>
    /// The window's whole days are read from wholesale.product_sales_daily (0023), kept by triggers: every way an order or a
    /// line stops or starts counting moves units_sold_90d exactly as the per-line sum over the orders does.
    /// </summary>
    [Fact]
    public async Task The_daily_rollup_follows_every_change_to_orders_and_lines()
    {
        var staff = await api.StaffClientAsync();
        var p = await api.CreateProductAsync(stock: 0);
        var other = await api.CreateProductAsync(stock: 0);
        async Task<int> Units(long product) =>
            (int)(await staff.GetAsync($"{S}/inventory-needs?product_id={product}").Ok()).AsArray().Single()!["units_sold_90d"]!;
        async Task<int> Truth(long product) => (int)await api.Scalar<long>("""
            select coalesce(sum(i.quantity), 0) from wholesale.orders o join wholesale.order_items i on i.order_id = o.id
            where i.product_id = $1 and o.status <> 'cancelled' and o.deleted_at is null and o.created_at >= now() - interval '90 days'
            """, product);

        await SoldAsync(p, 7, daysAgo: 2);
        await SoldAsync(p, 5, daysAgo: 89);
        await SoldAsync(p, 100, daysAgo: 95);
        Assert.Equal(12, await Units(p));
        var order = await api.Scalar<long>("select o.id from wholesale.orders o join wholesale.order_items i on i.order_id = o.id where i.product_id = $1 and i.quantity = 7", p);

        await api.Exec("update wholesale.orders set status = 'cancelled' where id = $1", order);
        Assert.Equal(5, await Units(p));
        await api.Exec("update wholesale.orders set status = 'delivered' where id = $1", order);
        Assert.Equal(12, await Units(p));
        await api.Exec("update wholesale.orders set deleted_at = now() where id = $1", order);
        Assert.Equal(5, await Units(p));
        await api.Exec("update wholesale.orders set deleted_at = null where id = $1", order);
        // a line's quantity and product change; a second line is added and one removed in one statement each
        await api.Exec("update wholesale.order_items set quantity = 9 where order_id = $1", order);
        Assert.Equal(14, await Units(p));
        await api.Exec("insert into wholesale.order_items (order_id, product_id, product_name, quantity, unit_price, line_total) values ($1, $2, 'x', 3, 1, 3), ($1, $2, 'y', 4, 1, 4)", order, other);
        Assert.Equal(7, await Units(other));
        await api.Exec("update wholesale.order_items set product_id = $2 where order_id = $1 and product_id = $3", order, other, p);
        Assert.Equal(5, await Units(p));
        Assert.Equal(16, await Units(other));
        await api.Exec("delete from wholesale.order_items where order_id = $1 and quantity = 3", order);
        Assert.Equal(13, await Units(other));
        // the order moves out of the window, then back to the window's first (partial) day and to today
        await api.Exec("update wholesale.orders set created_at = now() - interval '100 days' where id = $1", order);
        Assert.Equal(0, await Units(other));
        await api.Exec("update wholesale.orders set created_at = now() - interval '90 days' + interval '1 minute' where id = $1", order);
        Assert.Equal(13, await Units(other));
        await api.Exec("update wholesale.orders set created_at = now() - interval '90 days' - interval '1 minute' where id = $1", order);
        Assert.Equal(0, await Units(other));
        await api.Exec("update wholesale.orders set created_at = now() where id = $1", order);
        Assert.Equal(13, await Units(other));
        Assert.Equal(await Truth(p), await Units(p));
        Assert.Equal(await Truth(other), await Units(other));
        // and the rollup itself equals the lines, day by day, for both products
        Assert.Equal(0, await api.Scalar<long>("""
            select count(*) from (
                select i.product_id, (o.created_at at time zone 'UTC')::date as day, sum(i.quantity) as units
                from wholesale.orders o join wholesale.order_items i on i.order_id = o.id
                where i.product_id in ($1, $2) and o.status <> 'cancelled' and o.deleted_at is null group by 1, 2
            ) t full join (select product_id, day, units from wholesale.product_sales_daily where product_id in ($1, $2) and units <> 0) d
              using (product_id, day)
            where t.units is distinct from d.units
            """, p, other));
    }

    [Fact]
    public async Task Input_and_access()
    {
        var staff = await api.StaffClientAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"{S}/inventory-needs?product_id=999999999")).StatusCode);
        var bad = await staff.GetAsync($"{S}/inventory-needs?product_id=0&limit=0");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var details = (await bad.Json())["details"]!;
        Assert.NotNull(details["product_id"]);
        Assert.NotNull(details["limit"]);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.GetAsync($"{S}/inventory-needs?product_id=abc")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().GetAsync($"{S}/inventory-needs")).StatusCode);
        var customer = await api.CustomerClientAsync(await api.CreateCustomerAsync());
        Assert.True((await customer.GetAsync($"{S}/inventory-needs")).StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden);
    }
}
