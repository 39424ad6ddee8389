using System.Diagnostics;
using Api.Infrastructure.Cli;
using Api.Infrastructure.Database;
using Npgsql;
using NpgsqlTypes;

namespace Api.Features.Wholesale.Bench.StaffOrdersBenchData;

/// <summary>
/// <c>wholesale-staff-orders-bench-data --customers 50000 --orders 300000</c>: the staff-portal bench on top of the demo data —
/// customers <c>sob_1</c>… (60% attributed to the demo sales reps) and orders <c>LLD-SO00000001</c>… over the last two years,
/// 1 to 3 lines each of demo catalog products with their cost snapshot, in a realistic mix (85% delivered, 5% cancelled, 3%
/// shipped, 2% packed, 2% confirmed, 3% pending and recent; some flagged for review), a tenth of them guest orders; shipped
/// and delivered orders carry a shipping cost. Binary COPY; a second run does nothing.
/// </summary>
sealed class CliCommand : ICliCommand
{
    public string Name => "wholesale-staff-orders-bench-data";
    public string Usage => "--customers 50000 --orders 300000 [--seed 42]";

    static readonly string[] First = ["Ana", "Ben", "Carla", "Dev", "Eli", "Fatima", "Gus", "Hana", "Ivan", "Jo", "Kai", "Lena", "Marco", "Nia", "Omar", "Pia"];
    static readonly string[] Last = ["Lopez", "Nguyen", "Smith", "Kim", "Patel", "Garcia", "Chen", "Brown", "Rossi", "Khan", "Silva", "Cohen"];
    static readonly string[] Places = ["Bistro", "Diner", "Grill", "Taqueria", "Cafe", "Kitchen", "Pizzeria", "Noodle Bar", "Deli", "Bakery"];
    static readonly string[] Cities = ["Chicago", "Evanston", "Skokie", "Oak Park", "Cicero", "Berwyn", "Naperville", "Joliet"];

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyDictionary<string, string> args, CancellationToken ct)
    {
        int Arg(string name, int fallback) => args.TryGetValue(name, out var v) && int.TryParse(v, out var n) && n > 0 ? n : fallback;
        var customerCount = Arg("customers", 50_000);
        var orderCount = Arg("orders", 300_000);
        var rnd = new Random(Arg("seed", 42));
        var db = services.GetRequiredService<Db>();
        var watch = Stopwatch.StartNew();
        await using var conn = await db.Owner.OpenConnectionAsync(ct);
        await using (var exists = new NpgsqlCommand("select exists (select from wholesale.orders where order_number like 'LLD-SO%')", conn))
            if ((bool)(await exists.ExecuteScalarAsync(ct))!) { Console.WriteLine("wholesale staff-orders bench data already loaded"); return 0; }

        var reps = await ListAsync(conn, "select id from wholesale.staff_users where role = 'sales_rep' and is_active order by id", r => r.GetInt64(0), ct);
        var products = await ListAsync(conn, """
            select id, name, sku, unit_price, coalesce(cost, round(unit_price * 0.6, 2)) from wholesale.products
            where deleted_at is null and sku not like 'WB-%' and sku not like 'WF-%' order by id limit 500
            """, r => (Id: r.GetInt64(0), Name: r.GetString(1), Sku: r.GetString(2), Price: r.GetDecimal(3), Cost: r.GetDecimal(4)), ct);
        if (products.Count == 0) { Console.Error.WriteLine("no catalog products: seed the demo data first"); return 1; }
        var now = DateTimeOffset.UtcNow;

        // customers
        var custRep = new long?[customerCount];
        await using (var w = await conn.BeginBinaryImportAsync("""
            copy wholesale.customers (kind, username, email, email_verified, first_name, last_name, company_name, phone, shipping_address,
                                      payment_terms, account_approved, credit_limit, sales_rep_id, created_at, updated_at)
            from stdin (format binary)
            """, ct))
        {
            for (var i = 1; i <= customerCount; i++)
            {
                var net30 = rnd.NextDouble() < 0.4;
                custRep[i - 1] = reps.Count > 0 && rnd.NextDouble() < 0.6 ? reps[rnd.Next(reps.Count)] : null;
                var created = now - TimeSpan.FromDays(30 + rnd.NextDouble() * 900);
                await w.StartRowAsync(ct);
                await w.WriteAsync("account", NpgsqlDbType.Text, ct);
                await w.WriteAsync($"sob_{i}", NpgsqlDbType.Text, ct);
                await w.WriteAsync($"sob{i}@bench-buyers.example", NpgsqlDbType.Text, ct);
                await w.WriteAsync(true, NpgsqlDbType.Boolean, ct);
                await w.WriteAsync(First[rnd.Next(First.Length)], NpgsqlDbType.Text, ct);
                await w.WriteAsync(Last[rnd.Next(Last.Length)], NpgsqlDbType.Text, ct);
                await w.WriteAsync($"{Last[rnd.Next(Last.Length)]} {Places[rnd.Next(Places.Length)]} {i}", NpgsqlDbType.Text, ct);
                await w.WriteAsync($"+1773{i:0000000}", NpgsqlDbType.Text, ct);
                await w.WriteAsync($"{rnd.Next(1, 9999)} W Lake St, {Cities[i % Cities.Length]}, IL 606{i % 100:00}", NpgsqlDbType.Text, ct);
                await w.WriteAsync(net30 ? "net30" : "prepaid", NpgsqlDbType.Text, ct);
                await w.WriteAsync(net30, NpgsqlDbType.Boolean, ct);
                await w.WriteAsync(net30 ? 2500m : 0m, NpgsqlDbType.Numeric, ct);
                if (custRep[i - 1] is { } rep) await w.WriteAsync(rep, NpgsqlDbType.Bigint, ct); else await w.WriteNullAsync(ct);
                await w.WriteAsync(created, NpgsqlDbType.TimestampTz, ct);
                await w.WriteAsync(created, NpgsqlDbType.TimestampTz, ct);
            }
            await w.CompleteAsync(ct);
        }
        var customers = await ListAsync(conn, """
            select id, company_name, first_name || ' ' || last_name, email::text, phone from wholesale.customers
            where username like 'sob\_%' order by id
            """, r => (Id: r.GetInt64(0), Company: r.GetString(1), Name: r.GetString(2), Email: r.GetString(3), Phone: r.GetString(4)), ct);

        // orders (lines chosen here, so totals match them), written oldest first as a live table grows
        var specs = new List<Spec>(orderCount);
        for (var i = 0; i < orderCount; i++)
        {
            var roll = rnd.NextDouble();
            var status = roll < 0.85 ? "delivered" : roll < 0.90 ? "cancelled" : roll < 0.93 ? "shipped" : roll < 0.95 ? "packed" : roll < 0.97 ? "confirmed" : "pending";
            var age = status is "delivered" or "cancelled" ? TimeSpan.FromDays(2 + rnd.NextDouble() * 728) : TimeSpan.FromHours(rnd.NextDouble() * 120);
            var guest = rnd.NextDouble() < 0.1;
            var c = rnd.Next(customers.Count);
            var n = rnd.Next(1, 4);
            var ls = new (int Product, int Qty)[n];
            for (var k = 0; k < n; k++) ls[k] = (rnd.Next(products.Count), rnd.Next(1, 12));
            specs.Add(new Spec(status, now - age, guest ? null : c, c, ls, rnd.NextDouble(), rnd.NextDouble(), rnd.NextDouble()));
        }
        specs.Sort((a, b) => a.Created.CompareTo(b.Created));
        await using (var w = await conn.BeginBinaryImportAsync("""
            copy wholesale.orders (order_number, customer_id, status, source, delivery_name, delivery_email, delivery_company, delivery_address,
                                   delivery_city, delivery_state, delivery_zip, delivery_phone, subtotal, delivery_fee, total_amount, amount_paid,
                                   payment_method, payment_status, needs_review, shipping_cost, sales_rep_id, status_changed_at, created_at, updated_at)
            from stdin (format binary)
            """, ct))
        {
            for (var i = 0; i < specs.Count; i++)
            {
                var o = specs[i];
                var c = customers[o.Delivery];
                var rep = o.Customer is { } ci ? custRep[ci] : null;
                var subtotal = o.Lines.Sum(l => products[l.Product].Price * l.Qty);
                var fee = subtotal < 300 ? 25m : 0m;
                var total = subtotal + fee;
                var paid = o.Status == "delivered" || (o.Status != "cancelled" && o.R1 < 0.3);
                var method = o.R2 < 0.5 ? "net30" : o.R2 < 0.85 ? "card" : "check";
                await w.StartRowAsync(ct);
                await w.WriteAsync($"LLD-SO{i + 1:00000000}", NpgsqlDbType.Text, ct);
                if (o.Customer is null) await w.WriteNullAsync(ct); else await w.WriteAsync(c.Id, NpgsqlDbType.Bigint, ct);
                await w.WriteAsync(o.Status, NpgsqlDbType.Text, ct);
                await w.WriteAsync(o.R3 < 0.8 ? "web" : "staff", NpgsqlDbType.Text, ct);
                await w.WriteAsync(c.Name, NpgsqlDbType.Text, ct);
                await w.WriteAsync(c.Email, NpgsqlDbType.Text, ct);
                await w.WriteAsync(c.Company, NpgsqlDbType.Text, ct);
                await w.WriteAsync($"{1 + i % 9998} W Lake St", NpgsqlDbType.Text, ct);
                await w.WriteAsync(Cities[i % Cities.Length], NpgsqlDbType.Text, ct);
                await w.WriteAsync("IL", NpgsqlDbType.Text, ct);
                await w.WriteAsync($"606{i % 100:00}", NpgsqlDbType.Text, ct);
                await w.WriteAsync(c.Phone, NpgsqlDbType.Text, ct);
                await w.WriteAsync(subtotal, NpgsqlDbType.Numeric, ct);
                await w.WriteAsync(fee, NpgsqlDbType.Numeric, ct);
                await w.WriteAsync(total, NpgsqlDbType.Numeric, ct);
                await w.WriteAsync(paid ? total : 0m, NpgsqlDbType.Numeric, ct);
                await w.WriteAsync(method, NpgsqlDbType.Text, ct);
                await w.WriteAsync(paid ? "paid" : "unpaid", NpgsqlDbType.Text, ct);
                await w.WriteAsync(o.Status == "pending" && o.R1 > 0.8, NpgsqlDbType.Boolean, ct);
                await w.WriteAsync(o.Status is "shipped" or "delivered" ? Math.Round((decimal)(8 + o.R3 * 20), 2) : 0m, NpgsqlDbType.Numeric, ct);
                if (rep is { } r) await w.WriteAsync(r, NpgsqlDbType.Bigint, ct); else await w.WriteNullAsync(ct);
                await w.WriteAsync(o.Created, NpgsqlDbType.TimestampTz, ct);
                await w.WriteAsync(o.Created, NpgsqlDbType.TimestampTz, ct);
                await w.WriteAsync(o.Created, NpgsqlDbType.TimestampTz, ct);
            }
            await w.CompleteAsync(ct);
        }
        var orderIds = await ListAsync(conn, "select id from wholesale.orders where order_number like 'LLD-SO%' order by order_number", r => r.GetInt64(0), ct);
        await using (var w = await conn.BeginBinaryImportAsync("""
            copy wholesale.order_items (order_id, product_id, product_name, product_sku, quantity, unit_price, unit_cost, line_total)
            from stdin (format binary)
            """, ct))
        {
            for (var i = 0; i < orderIds.Count; i++)
                foreach (var (pi, qty) in specs[i].Lines)
                {
                    var p = products[pi];
                    await w.StartRowAsync(ct);
                    await w.WriteAsync(orderIds[i], NpgsqlDbType.Bigint, ct);
                    await w.WriteAsync(p.Id, NpgsqlDbType.Bigint, ct);
                    await w.WriteAsync(p.Name, NpgsqlDbType.Text, ct);
                    await w.WriteAsync(p.Sku, NpgsqlDbType.Text, ct);
                    await w.WriteAsync(qty, NpgsqlDbType.Integer, ct);
                    await w.WriteAsync(p.Price, NpgsqlDbType.Numeric, ct);
                    await w.WriteAsync(p.Cost, NpgsqlDbType.Numeric, ct);
                    await w.WriteAsync(p.Price * qty, NpgsqlDbType.Numeric, ct);
                }
            await w.CompleteAsync(ct);
        }
        foreach (var table in new[] { "customers", "orders", "order_items" })
        {
            await using var cmd = new NpgsqlCommand($"vacuum analyze wholesale.{table}", conn) { CommandTimeout = 900 };
            await cmd.ExecuteNonQueryAsync(ct);
        }
        Console.WriteLine($"wholesale staff-orders bench data: {customerCount} customers, {orderCount} orders in {watch.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }

    /// <summary>One generated order: its delivery customer (index), the account it belongs to (null = guest), lines, dice.</summary>
    sealed record Spec(string Status, DateTimeOffset Created, int? Customer, int Delivery, (int Product, int Qty)[] Lines, double R1, double R2, double R3);

    static async Task<List<T>> ListAsync<T>(NpgsqlConnection conn, string sql, Func<NpgsqlDataReader, T> read, CancellationToken ct)
    {
        var list = new List<T>();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) list.Add(read(r));
        return list;
    }
}
