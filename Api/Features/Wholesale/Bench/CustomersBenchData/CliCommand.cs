using System.Diagnostics;
using Api.Infrastructure.Cli;
using Api.Infrastructure.Database;
using Npgsql;
using NpgsqlTypes;

namespace Api.Features.Wholesale.Bench.CustomersBenchData;

/// <summary>
/// <c>wholesale-customers-bench-data --customers 50000 --orders 300000</c>: the staff-portal bench on top of the demo data —
/// <c>--customers</c> restaurants (emails <c>…@bench-customers.example</c>, unique E.164 phones, one-line addresses as the
/// CSV export splits them, a third with a username, a few company names starting with <c>=</c> or <c>-</c> so the export's
/// injection guard has work) created over three years, and <c>--orders</c> orders <c>LLD-WC00000001</c>… spread over them
/// (each after its customer joined; 85% delivered, 4% cancelled, the rest in progress; a tenth of the unpaid ones partly
/// paid), one line each from the demo catalog with its cost snapshot. Binary COPY; a second run does nothing.
/// </summary>
sealed class CliCommand : ICliCommand
{
    public const string EmailDomain = "bench-customers.example";
    public string Name => "wholesale-customers-bench-data";
    public string Usage => "--customers 50000 --orders 300000 [--seed 42]";

    static readonly string[] FirstNames = ["Maria", "Jose", "Wei", "Aisha", "John", "Fatima", "Luis", "Mei", "Ahmed", "Olga", "Kwame", "Priya",
        "Carlos", "Yuki", "Omar", "Elena", "Tunde", "Sofia", "Hiro", "Nadia", "Diego", "Grace", "Ivan", "Leila", "Marco", "Anh", "Samir", "Rosa"];
    static readonly string[] LastNames = ["Garcia", "Nguyen", "Smith", "Kim", "Patel", "Lopez", "Chen", "Okafor", "Rossi", "Ivanova", "Haddad",
        "Martinez", "Tanaka", "Brown", "Singh", "Hernandez", "Khan", "Silva", "Novak", "Mensah", "Park", "Wilson", "Cohen", "Ramirez", "Ali"];
    static readonly string[] Kinds = ["Restaurant", "Cafe", "Pizzeria", "Taqueria", "Diner", "Grill", "Bakery", "Food Truck", "Catering", "Bistro",
        "Noodle House", "Deli", "Sushi Bar", "Steakhouse", "Kitchen"];
    static readonly string[] Streets = ["Main St", "Oak Ave", "Halsted St", "Clark St", "Western Ave", "Milwaukee Ave", "Devon Ave", "Cermak Rd",
        "Lake St", "Division St", "Broadway", "Archer Ave"];
    static readonly (string City, string State, string Zip)[] Cities = [("Chicago", "IL", "606"), ("Evanston", "IL", "602"), ("Oak Park", "IL", "603"),
        ("Naperville", "IL", "605"), ("Gary", "IN", "464"), ("Milwaukee", "WI", "532"), ("St. Louis", "MO", "631"), ("Des Moines", "IA", "503")];
    static readonly int[] Areas = [312, 773, 630, 708, 847, 219, 414, 314, 515];

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyDictionary<string, string> args, CancellationToken ct)
    {
        int Arg(string name, int fallback) => args.TryGetValue(name, out var v) && int.TryParse(v, out var n) && n > 0 ? n : fallback;
        var customers = Arg("customers", 50_000);
        var orders = Arg("orders", 300_000);
        var rnd = new Random(Arg("seed", 42));
        var db = services.GetRequiredService<Db>();
        var watch = Stopwatch.StartNew();
        await using var conn = await db.Owner.OpenConnectionAsync(ct);
        await using (var exists = new NpgsqlCommand($"select exists (select from wholesale.customers where email like '%@{EmailDomain}')", conn))
            if ((bool)(await exists.ExecuteScalarAsync(ct))!) { Console.WriteLine("wholesale customers bench data already loaded"); return 0; }

        var now = DateTimeOffset.UtcNow;
        var joined = new DateTimeOffset[customers];
        await using (var w = await conn.BeginBinaryImportAsync("""
            copy wholesale.customers (kind, username, email, email_verified, first_name, last_name, company_name, phone, business_type,
                                      state_of_operation, shipping_address, billing_address, created_at, updated_at)
            from stdin (format binary)
            """, ct))
        {
            for (var i = 0; i < customers; i++)
            {
                var first = FirstNames[rnd.Next(FirstNames.Length)];
                var last = LastNames[rnd.Next(LastNames.Length)];
                var kind = Kinds[rnd.Next(Kinds.Length)];
                var company = i % 997 == 0 ? $"=SUM({last} {kind})" : i % 991 == 0 ? $"-{last}'s {kind}" : $"{last}'s {kind}";
                var (city, state, zip) = Cities[rnd.Next(Cities.Length)];
                var address = $"{rnd.Next(1, 9999)} {Streets[rnd.Next(Streets.Length)]}, {city}, {state} {zip}{rnd.Next(0, 100):00}";
                var billing = rnd.NextDouble() < 0.15 ? $"PO Box {rnd.Next(1, 9999)}, {city}, {state} {zip}{rnd.Next(0, 100):00}" : address;
                // unique phones: the index spreads over 9 area codes x 8,000,000 numbers
                var phone = $"+1{Areas[i % Areas.Length]}{2_000_000 + i / Areas.Length * 7 % 8_000_000:0000000}";
                joined[i] = now - TimeSpan.FromDays(30 + rnd.NextDouble() * 1065);
                await w.StartRowAsync(ct);
                await w.WriteAsync(i % 3 == 0 ? "account" : "imported", NpgsqlDbType.Text, ct);
                if (i % 3 == 0) await w.WriteAsync($"{first}{last}{i}".ToLowerInvariant(), NpgsqlDbType.Text, ct); else await w.WriteNullAsync(ct);
                await w.WriteAsync($"{first}.{last}{i}@{EmailDomain}".ToLowerInvariant(), NpgsqlDbType.Text, ct);
                await w.WriteAsync(i % 3 == 0, NpgsqlDbType.Boolean, ct);
                await w.WriteAsync(first, NpgsqlDbType.Text, ct);
                await w.WriteAsync(last, NpgsqlDbType.Text, ct);
                await w.WriteAsync(company, NpgsqlDbType.Text, ct);
                await w.WriteAsync(phone, NpgsqlDbType.Text, ct);
                await w.WriteAsync(kind, NpgsqlDbType.Text, ct);
                await w.WriteAsync(state, NpgsqlDbType.Text, ct);
                await w.WriteAsync(address, NpgsqlDbType.Text, ct);
                await w.WriteAsync(billing, NpgsqlDbType.Text, ct);
                await w.WriteAsync(joined[i], NpgsqlDbType.TimestampTz, ct);
                await w.WriteAsync(joined[i], NpgsqlDbType.TimestampTz, ct);
            }
            await w.CompleteAsync(ct);
        }
        var ids = new List<long>(customers);
        await using (var cmd = new NpgsqlCommand($"select id from wholesale.customers where email like '%@{EmailDomain}' order by id", conn))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) ids.Add(r.GetInt64(0));

        await using (var w = await conn.BeginBinaryImportAsync("""
            copy wholesale.orders (order_number, customer_id, status, source, delivery_name, delivery_company, delivery_address, delivery_city,
                                   delivery_state, delivery_zip, delivery_phone, delivery_email, subtotal, total_amount, amount_paid,
                                   payment_method, payment_status, status_changed_at, created_at, updated_at)
            from stdin (format binary)
            """, ct))
        {
            for (var i = 1; i <= orders; i++)
            {
                // a skewed spread: some restaurants order far more often than others
                var c = (int)(Math.Pow(rnd.NextDouble(), 1.6) * ids.Count);
                var since = now - joined[c];
                var age = TimeSpan.FromTicks((long)(rnd.NextDouble() * since.Ticks));
                var roll = rnd.NextDouble();
                var status = age.TotalDays < 4
                    ? (roll < 0.3 ? "pending" : roll < 0.55 ? "confirmed" : roll < 0.7 ? "packed" : roll < 0.9 ? "shipped" : "cancelled")
                    : roll < 0.96 ? "delivered" : "cancelled";
                var total = Math.Round((decimal)(40 + rnd.NextDouble() * 900), 2);
                var paid = status == "delivered" || (status != "cancelled" && rnd.NextDouble() < 0.4) ? total
                    : status != "cancelled" && rnd.NextDouble() < 0.1 ? Math.Round(total / 2, 2) : 0m;
                var at = now - age;
                await w.StartRowAsync(ct);
                await w.WriteAsync($"LLD-WC{i:00000000}", NpgsqlDbType.Text, ct);
                await w.WriteAsync(ids[c], NpgsqlDbType.Bigint, ct);
                await w.WriteAsync(status, NpgsqlDbType.Text, ct);
                await w.WriteAsync(i % 5 == 0 ? "staff" : "web", NpgsqlDbType.Text, ct);
                await w.WriteAsync($"Bench Buyer {c}", NpgsqlDbType.Text, ct);
                await w.WriteAsync($"Bench Customer {c}", NpgsqlDbType.Text, ct);
                await w.WriteAsync($"{rnd.Next(1, 9999)} Main St", NpgsqlDbType.Text, ct);
                await w.WriteAsync("Chicago", NpgsqlDbType.Text, ct);
                await w.WriteAsync("IL", NpgsqlDbType.Text, ct);
                await w.WriteAsync($"606{rnd.Next(0, 99):00}", NpgsqlDbType.Text, ct);
                await w.WriteAsync($"+1312555{c % 10000:0000}", NpgsqlDbType.Text, ct);
                await w.WriteAsync($"buyer{c}@{EmailDomain}", NpgsqlDbType.Text, ct);
                await w.WriteAsync(total, NpgsqlDbType.Numeric, ct);
                await w.WriteAsync(total, NpgsqlDbType.Numeric, ct);
                await w.WriteAsync(paid, NpgsqlDbType.Numeric, ct);
                await w.WriteAsync(i % 4 == 0 ? "card" : "net30", NpgsqlDbType.Text, ct);
                await w.WriteAsync(paid >= total ? "paid" : paid > 0 ? "partial" : "unpaid", NpgsqlDbType.Text, ct);
                await w.WriteAsync(at, NpgsqlDbType.TimestampTz, ct);
                await w.WriteAsync(at, NpgsqlDbType.TimestampTz, ct);
                await w.WriteAsync(at, NpgsqlDbType.TimestampTz, ct);
            }
            await w.CompleteAsync(ct);
        }
        // one line per order from the demo catalog (or any live product), with the cost snapshot reports use
        await using (var cmd = new NpgsqlCommand("""
            with p as (select row_number() over (order by id) - 1 as k, id, name, sku, brand, unit_size, unit_price, cost
                       from wholesale.products where deleted_at is null),
                 n as (select count(*) as n from p)
            insert into wholesale.order_items (order_id, product_id, product_name, product_sku, product_brand, product_unit_size, quantity,
                                               unit_price, unit_cost, line_total)
            select o.id, p.id, p.name, p.sku, p.brand, p.unit_size, 1, o.total_amount, round(o.total_amount * 0.72, 2), o.total_amount
            from wholesale.orders o cross join n
            join p on p.k = o.id % nullif(n.n, 0)
            where o.order_number like 'LLD-WC%';
            """, conn) { CommandTimeout = 900 })
            await cmd.ExecuteNonQueryAsync(ct);
        // vacuum (one statement per command: not in a transaction) so index-only scans need no heap fetches, and fresh statistics
        foreach (var table in new[] { "customers", "orders", "order_items" })
            await using (var cmd = new NpgsqlCommand($"vacuum (analyze) wholesale.{table}", conn) { CommandTimeout = 900 })
                await cmd.ExecuteNonQueryAsync(ct);
        Console.WriteLine($"wholesale customers bench data: {customers} customers, {orders} orders in {watch.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }
}
