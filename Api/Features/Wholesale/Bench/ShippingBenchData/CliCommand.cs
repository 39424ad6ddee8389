using System.Diagnostics;
using Api.Infrastructure.Cli;
using Api.Infrastructure.Database;
using Npgsql;
using NpgsqlTypes;

namespace Api.Features.Wholesale.Bench.ShippingBenchData;

/// <summary>
/// <c>wholesale-shipping-bench-data --orders 100000</c>: the shipping bench on top of the demo data — 40 products
/// <c>WF-0001</c>… with shipping boxes and weights (ten with a box rule), and <c>--orders</c> orders <c>LLD-WF00000001</c>…
/// over two years, two lines each, in the mix a warehouse sees (88% delivered, 3% shipped, 2% packed, 3% confirmed,
/// 4% pending). Binary COPY; a second run does nothing.
/// </summary>
sealed class CliCommand : ICliCommand
{
    public string Name => "wholesale-shipping-bench-data";
    public string Usage => "--orders 100000 [--seed 42]";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyDictionary<string, string> args, CancellationToken ct)
    {
        int Arg(string name, int fallback) => args.TryGetValue(name, out var v) && int.TryParse(v, out var n) && n > 0 ? n : fallback;
        var count = Arg("orders", 100_000);
        var rnd = new Random(Arg("seed", 42));
        var db = services.GetRequiredService<Db>();
        var watch = Stopwatch.StartNew();
        await using var conn = await db.Owner.OpenConnectionAsync(ct);
        await using (var exists = new NpgsqlCommand("select count(*) from wholesale.products where sku like 'WF-%'", conn))
            if ((long)(await exists.ExecuteScalarAsync(ct))! > 0) { Console.WriteLine("wholesale shipping bench data already loaded"); return 0; }
        await using var tx = await conn.BeginTransactionAsync(ct);   // all or nothing: an interrupted load must not read as loaded next time

        await using (var cmd = new NpgsqlCommand("""
            insert into wholesale.products (sku, name, unit_price, cost, box_length_in, box_width_in, box_height_in, weight_lb)
            select 'WF-' || lpad(g::text, 4, '0'), 'Shipping bench item ' || g, 10 + g, 5 + g / 2.0,
                   4 + (g * 7) % 14, 3 + (g * 5) % 10, 2 + (g * 3) % 8, round((0.5 + (g * 13) % 40 / 4.0)::numeric, 2)
            from generate_series(1, 40) g;
            insert into wholesale.box_rules (product_id, qty_per_box, box_name, length_in, width_in, height_in, notes, created_by)
            select id, 6, 'Case of 6', box_length_in * 3, box_width_in * 2, box_height_in, 'bench', 'system'
            from wholesale.products where sku like 'WF-%' and sku <= 'WF-0010';
            """, conn))
            await cmd.ExecuteNonQueryAsync(ct);
        var products = new List<(long Id, string Sku, string Name, decimal Price)>();
        await using (var cmd = new NpgsqlCommand("select id, sku, name, unit_price from wholesale.products where sku like 'WF-%' order by sku", conn))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) products.Add((r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetDecimal(3)));

        long firstId;
        await using (var cmd = new NpgsqlCommand("select coalesce(max(id), 0) + 1 from wholesale.orders", conn)) firstId = (long)(await cmd.ExecuteScalarAsync(ct))!;
        var now = DateTimeOffset.UtcNow;
        var orders = new List<(string Number, string Status, DateTimeOffset Created, int A, int B, int QA, int QB)>(count);
        for (var i = 1; i <= count; i++)
        {
            var roll = rnd.NextDouble();
            var status = roll < 0.88 ? "delivered" : roll < 0.91 ? "shipped" : roll < 0.93 ? "packed" : roll < 0.96 ? "confirmed" : "pending";
            var age = status == "delivered" ? TimeSpan.FromDays(3 + rnd.NextDouble() * 727) : TimeSpan.FromHours(rnd.NextDouble() * 96);
            orders.Add(($"LLD-WF{i:00000000}", status, now - age, rnd.Next(products.Count), rnd.Next(products.Count), rnd.Next(1, 12), rnd.Next(1, 12)));
        }
        await using (var w = await conn.BeginBinaryImportAsync("""
            copy wholesale.orders (order_number, status, source, delivery_name, delivery_company, delivery_address, delivery_city, delivery_state,
                                   delivery_zip, delivery_phone, subtotal, total_amount, payment_method, payment_status, status_changed_at, created_at, updated_at)
            from stdin (format binary)
            """, ct))
        {
            foreach (var o in orders)
            {
                var total = products[o.A].Price * o.QA + products[o.B].Price * o.QB;
                await w.StartRowAsync(ct);
                await w.WriteAsync(o.Number, NpgsqlDbType.Text, ct);
                await w.WriteAsync(o.Status, NpgsqlDbType.Text, ct);
                await w.WriteAsync("web", NpgsqlDbType.Text, ct);
                await w.WriteAsync($"Bench Buyer {rnd.Next(1, 5000)}", NpgsqlDbType.Text, ct);
                await w.WriteAsync($"Bench Bistro {rnd.Next(1, 2000)}", NpgsqlDbType.Text, ct);
                await w.WriteAsync($"{rnd.Next(1, 9999)} Main St", NpgsqlDbType.Text, ct);
                await w.WriteAsync("Chicago", NpgsqlDbType.Text, ct);
                await w.WriteAsync("IL", NpgsqlDbType.Text, ct);
                await w.WriteAsync($"606{rnd.Next(0, 99):00}", NpgsqlDbType.Text, ct);
                await w.WriteAsync($"+1312555{rnd.Next(0, 9999):0000}", NpgsqlDbType.Text, ct);
                await w.WriteAsync(total, NpgsqlDbType.Numeric, ct);
                await w.WriteAsync(total, NpgsqlDbType.Numeric, ct);
                await w.WriteAsync("net30", NpgsqlDbType.Text, ct);
                await w.WriteAsync(o.Status == "delivered" ? "paid" : "unpaid", NpgsqlDbType.Text, ct);
                await w.WriteAsync(o.Created, NpgsqlDbType.TimestampTz, ct);
                await w.WriteAsync(o.Created, NpgsqlDbType.TimestampTz, ct);
                await w.WriteAsync(o.Created, NpgsqlDbType.TimestampTz, ct);
            }
            await w.CompleteAsync(ct);
        }
        await using (var cmd = new NpgsqlCommand("""
            -- the 40 WF products numbered once (a lateral subquery per order re-scanned the whole catalog for each of them)
            with wf as (select p.id, p.name, p.sku, p.unit_price, row_number() over (order by p.sku) - 1 as k
                        from wholesale.products p where p.sku like 'WF-%')
            insert into wholesale.order_items (order_id, product_id, product_name, product_sku, quantity, unit_price, line_total)
            select o.id, p.id, p.name, p.sku, 1 + (o.id % 7)::int, p.unit_price, p.unit_price * (1 + (o.id % 7))
            from wholesale.orders o
            join wf p on p.k = o.id % (select count(*) from wf)
            where o.order_number like 'LLD-WF%';
            analyze wholesale.orders; analyze wholesale.order_items;
            """, conn) { CommandTimeout = 600 })
            await cmd.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
        Console.WriteLine($"wholesale shipping bench data: 40 products, {count} orders in {watch.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }
}
