using System.Diagnostics;
using Api.Infrastructure.Cli;
using Api.Infrastructure.Database;
using Npgsql;

namespace Api.Features.Wholesale.Bench.SourcingBenchData;

/// <summary>
/// <c>wholesale-sourcing-bench-data --orders 20000</c>: the inventory-needs bench on top of the demo data and the core's
/// 50,000 bench products (<c>wholesale-bench-data</c>, run first): tracked stock for every bench product that has none
/// (0-199 units), 40 suppliers (one per bench category, lead times 10-49 days, every fifth inactive), 200 open sourcing
/// shipments of 5 lines each, and <c>--orders</c> orders <c>LLD-WS00000001</c>… spread over the last 120 days (three
/// quarters inside the 90-day window, one in twelve cancelled) of 5 lines each over the bench products, skewed so some
/// products sell a lot. Set-based SQL; a second run does nothing.
/// </summary>
sealed class CliCommand : ICliCommand
{
    public string Name => "wholesale-sourcing-bench-data";
    public string Usage => "--orders 20000";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyDictionary<string, string> args, CancellationToken ct)
    {
        var count = args.TryGetValue("orders", out var v) && int.TryParse(v, out var n) && n > 0 ? n : 20_000;
        var db = services.GetRequiredService<Db>();
        var watch = Stopwatch.StartNew();
        await using var conn = await db.Owner.OpenConnectionAsync(ct);
        await using (var exists = new NpgsqlCommand("select exists (select 1 from wholesale.orders where order_number = 'LLD-WS00000001')", conn))
            if ((bool)(await exists.ExecuteScalarAsync(ct))!) { Console.WriteLine("wholesale sourcing bench data already loaded"); return 0; }
        await using (var products = new NpgsqlCommand("select count(*) from wholesale.products where sku like 'WB-%'", conn))
            if ((long)(await products.ExecuteScalarAsync(ct))! == 0) { Console.Error.WriteLine("run wholesale-bench-data first (the bench products WB-…)"); return 1; }

        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var cmd = new NpgsqlCommand($"""
            update wholesale.products set stock_quantity = (id * 37) % 200 where sku like 'WB-%' and stock_quantity is null;

            insert into wholesale.suppliers (name, platform, product_categories, rating, lead_time_days, is_active, notes)
            select 'Bench Supplier ' || g, case when g % 2 = 0 then 'Alibaba' else '1688' end, array['Bench ' || g], 1 + g % 5,
                   10 + (g * 7) % 40, g % 5 <> 0, 'bench'
            from generate_series(1, 40) g;

            create temporary table bench_products on commit drop as
            select row_number() over (order by id) as n, id, name, sku, unit_price from wholesale.products where sku like 'WB-%';
            create unique index on bench_products (n);
            analyze bench_products;

            with s as (
                insert into wholesale.sourcing_shipments (shipment_number, status, origin, items, notes)
                select wholesale.next_doc_number('SHP', extract(year from now() at time zone 'America/Chicago')::int), (array['production', 'qc', 'shipped', 'in_transit', 'customs', 'arrived'])[1 + g % 6],
                       'Ningbo', '[]', 'bench'
                from generate_series(1, 200) g
                returning id
            )
            insert into wholesale.sourcing_shipment_items (shipment_id, product_id, quantity)
            select distinct on (s.id, p.id) s.id, p.id, 50 + (s.id * k) % 450
            from s cross join generate_series(1, 5) k
            join bench_products p on p.n = 1 + (s.id * 7919 + k * 104729) % (select count(*) from bench_products);

            insert into wholesale.orders (order_number, status, source, subtotal, total_amount, payment_method, payment_status,
                                          status_changed_at, created_at, updated_at)
            select 'LLD-WS' || lpad(g::text, 8, '0'), case when g % 12 = 0 then 'cancelled' else 'delivered' end, 'web', 0, 0, 'net30', 'paid',
                   now() - (g % 120) * interval '1 day', now() - (g % 120) * interval '1 day' - (g % 86400) * interval '1 second',
                   now() - (g % 120) * interval '1 day'
            from generate_series(1, {count}) g;

            -- five lines per order; squaring a uniform number skews sales toward the low product numbers
            insert into wholesale.order_items (order_id, product_id, product_name, product_sku, quantity, unit_price, line_total)
            select o.id, p.id, p.name, p.sku, 1 + (o.id + k) % 9, p.unit_price, p.unit_price * (1 + (o.id + k) % 9)
            from wholesale.orders o
            cross join generate_series(1, 5) k
            join bench_products p on p.n = 1 + floor(power(((o.id * 2654435761 + k * 40503) % 1000003) / 1000003.0, 2)
                                                    * (select count(*) from bench_products))::bigint
            where o.order_number like 'LLD-WS%';
            """, conn, tx) { CommandTimeout = 1200 })
            await cmd.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
        // vacuum sets the visibility map, so the sales window is read index-only as on a settled database
        foreach (var table in new[] { "products", "orders", "order_items", "sourcing_shipment_items", "suppliers" })
        {
            await using var cmd = new NpgsqlCommand($"vacuum analyze wholesale.{table}", conn) { CommandTimeout = 600 };
            await cmd.ExecuteNonQueryAsync(ct);
        }
        Console.WriteLine($"wholesale sourcing bench data: {count} orders, 40 suppliers, 200 open shipments in {watch.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }
}
