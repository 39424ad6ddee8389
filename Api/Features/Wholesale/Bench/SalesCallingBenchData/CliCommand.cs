using System.Diagnostics;
using System.Globalization;
using System.Text;
using Api.Infrastructure.Cli;
using Api.Infrastructure.Database;
using Npgsql;

namespace Api.Features.Wholesale.Bench.SalesCallingBenchData;

/// <summary>
/// <c>wholesale-sales-calling-bench-data --entries 50000 --rows 200000 --csv path</c>: the sales calling bench on top of the
/// demo data. Tops the calling list up to <c>--entries</c> entries (phones <c>+1331…</c>, scores 0-100, spread over the two
/// demo reps and unassigned, a quarter called recently, half with an order history so every segment has members; set-based
/// SQL, a second run adds nothing) and, with <c>--csv</c>, writes a transactions-import file of <c>--rows</c> lines: orders of
/// one to four lines with numbers unique to this run (so each upload imports), 5,000 buyers (phones and emails, a third of
/// them demo restaurants' phones), demo SKUs, some lines by product name only and some unknown products.
/// </summary>
sealed class CliCommand : ICliCommand
{
    public string Name => "wholesale-sales-calling-bench-data";
    public string Usage => "--entries 50000 [--rows 200000 --csv sales-import.csv] [--seed 42]";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyDictionary<string, string> args, CancellationToken ct)
    {
        int Arg(string name, int fallback) => args.TryGetValue(name, out var v) && int.TryParse(v, out var n) && n > 0 ? n : fallback;
        var entries = Arg("entries", 50_000);
        var rnd = new Random(Arg("seed", 42));
        var db = services.GetRequiredService<Db>();
        var watch = Stopwatch.StartNew();
        await using var conn = await db.Owner.OpenConnectionAsync(ct);

        await using (var cmd = new NpgsqlCommand("""
            with have as (select count(*)::int as n from wholesale.calling_list),
                 reps as (select array_agg(id order by id) as ids from wholesale.staff_users where role = 'sales_rep' and is_active)
            insert into wholesale.calling_list (contact_name, company_name, email, phone, assigned_to, status, priority_score, base_score,
                                                last_event, last_event_at, last_called, last_order_at, order_count, reorder_interval_days,
                                                source, created_at, updated_at)
            select 'Bench Contact ' || g, 'Bench Kitchen ' || g, 'bench' || g || '@calling.example', '+1331' || lpad(g::text, 7, '0'),
                   case when g % 3 = 2 or coalesce(cardinality(r.ids), 0) = 0 then null else r.ids[1 + g % cardinality(r.ids)] end,
                   (array['new', 'contacted', 'interested', 'callback', 'not_interested', 'converted', 'new', 'do_not_call'])[1 + g % 8],
                   (g * 7919 % 10001) / 100.0, (g * 7919 % 10001) / 100.0, 'manual', now() - make_interval(days => g % 60),
                   case when g % 4 = 0 then now() - make_interval(hours => g % 400) end,
                   case when g % 2 = 0 then now() - make_interval(days => g % 200) end,
                   case when g % 2 = 0 then 1 + g % 12 else 0 end,
                   case when g % 2 = 0 and g % 12 > 0 then 7 + g % 40 end,
                   'csv', now() - make_interval(days => g % 365), now()
            from have h, reps r, generate_series(1, greatest(0, @Entries - h.n)) g
            on conflict (phone) do nothing;
            analyze wholesale.calling_list;
            """, conn) { CommandTimeout = 600 })
        {
            cmd.Parameters.AddWithValue("Entries", entries);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        long total;
        await using (var cmd = new NpgsqlCommand("select count(*) from wholesale.calling_list", conn)) total = (long)(await cmd.ExecuteScalarAsync(ct))!;
        Console.WriteLine($"wholesale sales calling bench data: {total} calling-list entries ({watch.Elapsed.TotalSeconds:0.0} s)");

        if (!args.TryGetValue("csv", out var path) || string.IsNullOrWhiteSpace(path)) return 0;
        var rows = Arg("rows", 200_000);
        var products = new List<(string Sku, string Name, decimal Price)>();
        await using (var cmd = new NpgsqlCommand("select sku, name, unit_price from wholesale.products where deleted_at is null and sku like 'LLD-%' order by sku limit 2000", conn))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) products.Add((r.GetString(0), r.GetString(1), r.GetDecimal(2)));
        var demoPhones = new List<string>();
        await using (var cmd = new NpgsqlCommand("select phone from wholesale.customers where phone is not null and deleted_at is null order by id limit 1700", conn))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) demoPhones.Add(r.GetString(0));
        if (products.Count == 0) products.Add(("", "Bench Unlinked Item", 10m));

        var run = DateTime.UtcNow.ToString("yyMMddHHmmss", CultureInfo.InvariantCulture);
        var start = DateTime.UtcNow.Date.AddDays(-730);
        await using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        await w.WriteAsync("order_number,order_date,customer_name,company_name,phone,email,sku,product_name,quantity,unit_price,do_not_call\n");
        var written = 0;
        for (var order = 1; written < rows; order++)
        {
            var buyer = rnd.Next(5000);
            var phone = buyer % 3 == 0 && demoPhones.Count > 0 ? demoPhones[buyer % demoPhones.Count] : $"+1332{buyer:0000000}";
            var email = buyer % 5 == 0 ? "" : $"buyer{buyer}@import-bench.example";
            var date = start.AddDays(rnd.Next(730)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var head = $"BI{run}-{order:0000000},{date},Bench Buyer {buyer},Bench Bistro {buyer},{phone},{email}";
            var lines = Math.Min(rnd.Next(1, 5), rows - written);
            for (var l = 0; l < lines; l++, written++)
            {
                var roll = rnd.Next(100);
                var p = products[rnd.Next(products.Count)];
                var product = roll < 85 ? $"{p.Sku}," : roll < 95 ? $",{p.Name.Replace(",", " ")}" : $",Unknown bench item {rnd.Next(500)}";
                await w.WriteAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{head},{product},{rnd.Next(1, 12)},{p.Price:0.00},{(buyer % 97 == 0 ? "yes" : "")}\n"));
            }
        }
        Console.WriteLine($"wholesale sales calling bench data: {written} import rows written to {path} ({watch.Elapsed.TotalSeconds:0.0} s)");
        return 0;
    }
}
