using System.Diagnostics;
using Api.Infrastructure.Cli;
using Api.Infrastructure.Database;
using Npgsql;
using NpgsqlTypes;

namespace Api.Features.Wholesale.Bench.VoiceBenchData;

/// <summary>
/// <c>wholesale-voice-bench-data --customers 20000 --orders 300000</c>: the voice bench on top of the demo data — 40 products
/// <c>VB-0001</c>… with a large tracked stock (so confirmed place_order reserves stock without running out), customers
/// <c>vb_1</c>… with phones <c>+1630NNNNNNN</c> (N = the customer's number; 30% approved for net-30), and orders
/// <c>LLD-VB00000001</c>… over the last two years, order <c>i</c> belonging to customer <c>((i − 1) mod customers) + 1</c> (so a
/// load script can pair an order number with its caller's phone), 1 to 3 lines each, mostly delivered. Binary COPY in one transaction; a second run
/// does nothing.
/// </summary>
sealed class CliCommand : ICliCommand
{
    public string Name => "wholesale-voice-bench-data";
    public string Usage => "--customers 20000 --orders 300000 [--seed 16]";

    static readonly string[] Places = ["Bistro", "Diner", "Grill", "Taqueria", "Cafe", "Kitchen", "Pizzeria", "Noodle Bar", "Deli", "Bakery"];
    static readonly string[] Items = ["Fryer Oil", "Hot Cup", "Napkin", "Deli Container", "Nitrile Glove", "Degreaser", "Ketchup", "Rice", "Flour", "Foil Pan"];

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyDictionary<string, string> args, CancellationToken ct)
    {
        int Arg(string name, int fallback) => args.TryGetValue(name, out var v) && int.TryParse(v, out var n) && n > 0 ? n : fallback;
        var customerCount = Math.Min(Arg("customers", 20_000), 9_999_999);
        var orderCount = Arg("orders", 300_000);
        var rnd = new Random(Arg("seed", 16));
        var db = services.GetRequiredService<Db>();
        var watch = Stopwatch.StartNew();
        await using var conn = await db.Owner.OpenConnectionAsync(ct);
        await using (var exists = new NpgsqlCommand("select exists (select from wholesale.products where sku = 'VB-0001')", conn))
            if ((bool)(await exists.ExecuteScalarAsync(ct))!) { Console.WriteLine("wholesale voice bench data already loaded"); return 0; }
        var now = DateTimeOffset.UtcNow;
        await using var tx = await conn.BeginTransactionAsync(ct);   // all or nothing: a failed run leaves no half-loaded data behind

        await using (var cmd = new NpgsqlCommand("""
            insert into wholesale.products (sku, name, category_id, unit_price, bulk_price, bulk_quantity, stock_quantity, in_stock, cost, brand, unit_size)
            select 'VB-' || lpad(g::text, 4, '0'), 'Voice Bench ' || (array['Fryer Oil', 'Hot Cup', 'Napkin', 'Deli Container', 'Nitrile Glove',
                   'Degreaser', 'Ketchup', 'Rice', 'Flour', 'Foil Pan'])[1 + g % 10] || ' ' || g,
                   (select min(id) from wholesale.categories), 10 + g, 9 + g, 20, 1000000000, true, round((10 + g) * 0.6, 2), 'Bench', 'case'
              from generate_series(1, 40) g
            """, conn))
            await cmd.ExecuteNonQueryAsync(ct);
        var products = new List<(long Id, string Name, string Sku, decimal Price)>();
        await using (var cmd = new NpgsqlCommand("select id, name, sku, unit_price from wholesale.products where sku like 'VB-%' order by sku", conn))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) products.Add((r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetDecimal(3)));

        await using (var w = await conn.BeginBinaryImportAsync("""
            copy wholesale.customers (kind, username, email, email_verified, first_name, last_name, company_name, phone, shipping_address,
                                      payment_terms, account_approved, credit_limit, created_at, updated_at)
            from stdin (format binary)
            """, ct))
        {
            for (var i = 1; i <= customerCount; i++)
            {
                var net30 = rnd.NextDouble() < 0.3;
                var created = now - TimeSpan.FromDays(740 + rnd.NextDouble() * 100);
                await w.StartRowAsync(ct);
                await w.WriteAsync("account", NpgsqlDbType.Text, ct);
                await w.WriteAsync($"vb_{i}", NpgsqlDbType.Text, ct);
                await w.WriteAsync($"vb{i}@voice-bench.example", NpgsqlDbType.Text, ct);
                await w.WriteAsync(true, NpgsqlDbType.Boolean, ct);
                await w.WriteAsync("Caller", NpgsqlDbType.Text, ct);
                await w.WriteAsync($"No{i}", NpgsqlDbType.Text, ct);
                await w.WriteAsync($"Voice {Places[i % Places.Length]} {i}", NpgsqlDbType.Text, ct);
                await w.WriteAsync($"+1630{i:0000000}", NpgsqlDbType.Text, ct);
                await w.WriteAsync($"{1 + i % 9998} N Clark St, Chicago, IL 606{i % 100:00}", NpgsqlDbType.Text, ct);
                await w.WriteAsync(net30 ? "net30" : "prepaid", NpgsqlDbType.Text, ct);
                await w.WriteAsync(net30, NpgsqlDbType.Boolean, ct);
                await w.WriteAsync(net30 ? 5000m : 0m, NpgsqlDbType.Numeric, ct);
                await w.WriteAsync(created, NpgsqlDbType.TimestampTz, ct);
                await w.WriteAsync(created, NpgsqlDbType.TimestampTz, ct);
            }
            await w.CompleteAsync(ct);
        }
        var customerIds = new long[customerCount];
        await using (var cmd = new NpgsqlCommand("select id, substr(username, 4)::int from wholesale.customers where username like 'vb\\_%'", conn))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) customerIds[r.GetInt32(1) - 1] = r.GetInt64(0);

        // orders: each customer's orders spread over two years; lines chosen here so totals match
        var lines = new List<(int Product, int Qty)[]>(orderCount);
        await using (var w = await conn.BeginBinaryImportAsync("""
            copy wholesale.orders (order_number, customer_id, status, source, delivery_name, delivery_company, delivery_address, delivery_city,
                                   delivery_state, delivery_zip, delivery_phone, subtotal, delivery_fee, total_amount, amount_paid, payment_method,
                                   payment_status, status_changed_at, created_at, updated_at)
            from stdin (format binary)
            """, ct))
        {
            for (var i = 1; i <= orderCount; i++)
            {
                var c = (i - 1) % customerCount + 1;
                var roll = rnd.NextDouble();
                var status = roll < 0.88 ? "delivered" : roll < 0.93 ? "cancelled" : roll < 0.96 ? "shipped" : roll < 0.98 ? "confirmed" : "pending";
                var created = status is "delivered" or "cancelled" ? now - TimeSpan.FromDays(3 + rnd.NextDouble() * 727) : now - TimeSpan.FromHours(rnd.NextDouble() * 96);
                var n = rnd.Next(1, 4);
                var ls = new (int Product, int Qty)[n];
                for (var k = 0; k < n; k++) ls[k] = (rnd.Next(products.Count), rnd.Next(1, 12));
                lines.Add(ls);
                var subtotal = ls.Sum(l => products[l.Product].Price * l.Qty);
                var fee = subtotal < 300 ? 25m : 0m;
                var paid = status == "delivered" || (status != "cancelled" && rnd.NextDouble() < 0.3);
                var method = rnd.NextDouble() < 0.4 ? "net30" : "card";
                await w.StartRowAsync(ct);
                await w.WriteAsync($"LLD-VB{i:00000000}", NpgsqlDbType.Text, ct);
                await w.WriteAsync(customerIds[c - 1], NpgsqlDbType.Bigint, ct);
                await w.WriteAsync(status, NpgsqlDbType.Text, ct);
                await w.WriteAsync("web", NpgsqlDbType.Text, ct);
                await w.WriteAsync($"Caller No{c}", NpgsqlDbType.Text, ct);
                await w.WriteAsync($"Voice {Places[c % Places.Length]} {c}", NpgsqlDbType.Text, ct);
                await w.WriteAsync($"{1 + c % 9998} N Clark St", NpgsqlDbType.Text, ct);
                await w.WriteAsync("Chicago", NpgsqlDbType.Text, ct);
                await w.WriteAsync("IL", NpgsqlDbType.Text, ct);
                await w.WriteAsync($"606{c % 100:00}", NpgsqlDbType.Text, ct);
                await w.WriteAsync($"+1630{c:0000000}", NpgsqlDbType.Text, ct);
                await w.WriteAsync(subtotal, NpgsqlDbType.Numeric, ct);
                await w.WriteAsync(fee, NpgsqlDbType.Numeric, ct);
                await w.WriteAsync(subtotal + fee, NpgsqlDbType.Numeric, ct);
                await w.WriteAsync(paid ? subtotal + fee : 0m, NpgsqlDbType.Numeric, ct);
                await w.WriteAsync(method, NpgsqlDbType.Text, ct);
                await w.WriteAsync(paid ? "paid" : "unpaid", NpgsqlDbType.Text, ct);
                await w.WriteAsync(created, NpgsqlDbType.TimestampTz, ct);
                await w.WriteAsync(created, NpgsqlDbType.TimestampTz, ct);
                await w.WriteAsync(created, NpgsqlDbType.TimestampTz, ct);
            }
            await w.CompleteAsync(ct);
        }
        var orderIds = new long[orderCount];
        await using (var cmd = new NpgsqlCommand("select id, substr(order_number, 7)::int from wholesale.orders where order_number ~ '^LLD-VB[0-9]{8}$'", conn))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) orderIds[r.GetInt32(1) - 1] = r.GetInt64(0);
        await using (var w = await conn.BeginBinaryImportAsync("""
            copy wholesale.order_items (order_id, product_id, product_name, product_sku, quantity, unit_price, line_total)
            from stdin (format binary)
            """, ct))
        {
            for (var i = 0; i < orderCount; i++)
                foreach (var (pi, qty) in lines[i])
                {
                    var p = products[pi];
                    await w.StartRowAsync(ct);
                    await w.WriteAsync(orderIds[i], NpgsqlDbType.Bigint, ct);
                    await w.WriteAsync(p.Id, NpgsqlDbType.Bigint, ct);
                    await w.WriteAsync(p.Name, NpgsqlDbType.Text, ct);
                    await w.WriteAsync(p.Sku, NpgsqlDbType.Text, ct);
                    await w.WriteAsync(qty, NpgsqlDbType.Integer, ct);
                    await w.WriteAsync(p.Price, NpgsqlDbType.Numeric, ct);
                    await w.WriteAsync(p.Price * qty, NpgsqlDbType.Numeric, ct);
                }
            await w.CompleteAsync(ct);
        }
        await tx.CommitAsync(ct);
        foreach (var table in new[] { "products", "customers", "orders", "order_items" })
        {
            await using var cmd = new NpgsqlCommand($"vacuum analyze wholesale.{table}", conn) { CommandTimeout = 900 };
            await cmd.ExecuteNonQueryAsync(ct);
        }
        Console.WriteLine($"wholesale voice bench data: {customerCount} customers, {orderCount} orders in {watch.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }
}
