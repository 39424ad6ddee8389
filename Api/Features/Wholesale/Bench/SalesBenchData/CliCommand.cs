using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Api.Features.Wholesale.SalesScoring;
using Api.Infrastructure.Cli;
using Api.Infrastructure.Database;
using Npgsql;
using NpgsqlTypes;

namespace Api.Features.Wholesale.Bench.SalesBenchData;

/// <summary>
/// <c>wholesale-sales-bench-data --customers 25000 [--seed 42]</c>: the sales scoring bench on top of the demo data. Adds
/// <c>--customers</c> buyers (<c>sales-bench-N@bench.example</c>) with two years of orders drawn from the BG/NBD story itself
/// (each buyer's weekly rate from a gamma, a dropout chance after every purchase from a beta, first purchase uniform over the
/// two years, order values around a per-buyer mean), attributed to the demo reps; binary COPY, a second run adds nothing.
/// Then times the BG/NBD + Gamma-Gamma fit on those buyers' calibration data (one transaction per day, weeks) and prints it
/// as a <c>FIT {json}</c> line (fit_ms, customers, parameters) for the bench to record.
/// </summary>
sealed class CliCommand : ICliCommand
{
    public string Name => "wholesale-sales-bench-data";
    public string Usage => "--customers 25000 [--seed 42]";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyDictionary<string, string> args, CancellationToken ct)
    {
        int Arg(string name, int fallback) => args.TryGetValue(name, out var v) && int.TryParse(v, out var n) && n > 0 ? n : fallback;
        var count = Arg("customers", 25_000);
        var rnd = new Random(Arg("seed", 42));
        var db = services.GetRequiredService<Db>();
        var watch = Stopwatch.StartNew();
        await using var conn = await db.Owner.OpenConnectionAsync(ct);

        // the buyers' histories, simulated (kept in memory for the fit timing as well)
        var today = DateTime.UtcNow.Date;
        var start = today.AddDays(-730);
        var buyers = new List<(int N, List<(DateTime At, decimal Amount)> Orders)>(count);
        for (var i = 1; i <= count; i++)
        {
            var rate = Gamma(rnd, 0.6, 1 / 2.5);            // purchases per week
            var dropout = Beta(rnd, 0.8, 3.0);              // chance of leaving after each purchase
            var mean = 60 + Gamma(rnd, 3, 50);              // this buyer's typical order
            var first = start.AddDays(rnd.NextDouble() * 729);
            var orders = new List<(DateTime, decimal)>();
            var at = first;
            while (at < today && orders.Count < 400)
            {
                orders.Add((at.AddHours(8 + rnd.NextDouble() * 9), Math.Round((decimal)(mean * Math.Exp(0.35 * Normal(rnd))), 2)));
                if (rnd.NextDouble() < dropout) break;
                at = at.AddDays(7 * -Math.Log(1 - rnd.NextDouble()) / Math.Max(rate, 1e-3));
            }
            buyers.Add((i, orders));
        }

        bool loaded;
        await using (var exists = new NpgsqlCommand("select exists (select from wholesale.customers where email = 'sales-bench-1@bench.example')", conn))
            loaded = (bool)(await exists.ExecuteScalarAsync(ct))!;
        if (!loaded) await LoadAsync(conn, buyers, rnd, ct);
        Console.WriteLine(loaded ? "wholesale sales bench data already loaded" :
            $"wholesale sales bench data: {count} buyers, {buyers.Sum(b => b.Orders.Count)} orders ({watch.Elapsed.TotalSeconds:0.0} s)");

        // the fit on the same buyers: one transaction per day, weeks since each buyer's first day
        var data = buyers.Where(b => b.Orders.Count > 0).Select(b =>
        {
            var days = b.Orders.GroupBy(o => o.At.Date).Select(g => (Day: g.Key, Amount: g.Sum(o => o.Amount))).OrderBy(d => d.Day).ToList();
            var first = days[0].Day;
            var x = days.Count - 1;
            return new Rft(x, (days[^1].Day - first).TotalDays / 7.0, (today - first).TotalDays / 7.0,
                x > 0 ? (double)days.Skip(1).Average(d => d.Amount) : 0);
        }).ToList();
        var fit = Stopwatch.StartNew();
        var bg = Model.FitBgNbd(data);
        var gg = Model.FitGammaGamma(data);
        fit.Stop();
        Console.WriteLine("FIT " + JsonSerializer.Serialize(new
        {
            fit_ms = Math.Round(fit.Elapsed.TotalMilliseconds, 1), customers = data.Count, repeat_buyers = data.Count(d => d.X > 0),
            bg.R, bg.Alpha, bg.A, bg.B, log_likelihood = bg.LogLikelihood, bg_converged = bg.Converged,
            gg.P, gg.Q, gg.Gamma, gg_converged = gg.Converged,
        }));
        return 0;
    }

    static async Task LoadAsync(NpgsqlConnection conn, List<(int N, List<(DateTime At, decimal Amount)> Orders)> buyers, Random rnd, CancellationToken ct)
    {
        await using var tx = await conn.BeginTransactionAsync(ct);
        long firstCustomer;
        await using (var cmd = new NpgsqlCommand("select coalesce(max(id), 0) + 1 from wholesale.customers", conn, tx)) firstCustomer = (long)(await cmd.ExecuteScalarAsync(ct))!;
        long[] reps;
        await using (var cmd = new NpgsqlCommand("select coalesce(array_agg(id order by id), '{}') from wholesale.staff_users where role = 'sales_rep'", conn, tx))
            reps = (long[])(await cmd.ExecuteScalarAsync(ct))!;
        await using (var w = await conn.BeginBinaryImportAsync("""
            copy wholesale.customers (id, kind, email, first_name, last_name, company_name, phone, created_at, updated_at)
            from stdin (format binary)
            """, ct))
        {
            foreach (var b in buyers)
            {
                var created = b.Orders.Count > 0 ? b.Orders[0].At : DateTime.UtcNow;
                await w.StartRowAsync(ct);
                await w.WriteAsync(firstCustomer + b.N - 1, NpgsqlDbType.Bigint, ct);
                await w.WriteAsync("imported", NpgsqlDbType.Text, ct);
                await w.WriteAsync($"sales-bench-{b.N}@bench.example", NpgsqlDbType.Text, ct);
                await w.WriteAsync("Bench", NpgsqlDbType.Text, ct);
                await w.WriteAsync($"Buyer {b.N}", NpgsqlDbType.Text, ct);
                await w.WriteAsync($"Sales Bench Kitchen {b.N}", NpgsqlDbType.Text, ct);
                await w.WriteAsync($"+1334{b.N:0000000}", NpgsqlDbType.Text, ct);
                await w.WriteAsync(created, NpgsqlDbType.TimestampTz, ct);
                await w.WriteAsync(created, NpgsqlDbType.TimestampTz, ct);
            }
            await w.CompleteAsync(ct);
        }
        await using (var w = await conn.BeginBinaryImportAsync("""
            copy wholesale.orders (order_number, customer_id, sales_rep_id, status, source, delivery_name, delivery_company, delivery_phone,
                                   subtotal, total_amount, amount_paid, payment_method, payment_status, status_changed_at, created_at, updated_at)
            from stdin (format binary)
            """, ct))
        {
            var n = 0;
            foreach (var b in buyers)
                foreach (var (at, amount) in b.Orders)
                {
                    n++;
                    await w.StartRowAsync(ct);
                    await w.WriteAsync($"LLD-SB{n:00000000}", NpgsqlDbType.Text, ct);
                    await w.WriteAsync(firstCustomer + b.N - 1, NpgsqlDbType.Bigint, ct);
                    if (reps.Length == 0 || b.N % 4 == 0) await w.WriteNullAsync(ct);
                    else await w.WriteAsync(reps[b.N % reps.Length], NpgsqlDbType.Bigint, ct);
                    await w.WriteAsync(rnd.Next(50) == 0 ? "cancelled" : "delivered", NpgsqlDbType.Text, ct);
                    await w.WriteAsync("sales", NpgsqlDbType.Text, ct);
                    await w.WriteAsync($"Bench Buyer {b.N}", NpgsqlDbType.Text, ct);
                    await w.WriteAsync($"Sales Bench Kitchen {b.N}", NpgsqlDbType.Text, ct);
                    await w.WriteAsync($"+1334{b.N:0000000}", NpgsqlDbType.Text, ct);
                    await w.WriteAsync(amount, NpgsqlDbType.Numeric, ct);
                    await w.WriteAsync(amount, NpgsqlDbType.Numeric, ct);
                    await w.WriteAsync(amount, NpgsqlDbType.Numeric, ct);
                    await w.WriteAsync("net30", NpgsqlDbType.Text, ct);
                    await w.WriteAsync("paid", NpgsqlDbType.Text, ct);
                    await w.WriteAsync(at, NpgsqlDbType.TimestampTz, ct);
                    await w.WriteAsync(at, NpgsqlDbType.TimestampTz, ct);
                    await w.WriteAsync(at, NpgsqlDbType.TimestampTz, ct);
                }
            await w.CompleteAsync(ct);
        }
        await using (var cmd = new NpgsqlCommand("""
            select setval(pg_get_serial_sequence('wholesale.customers', 'id'), (select max(id) from wholesale.customers));
            """, conn, tx)) await cmd.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
        await using (var cmd = new NpgsqlCommand("analyze wholesale.customers; analyze wholesale.orders;", conn) { CommandTimeout = 600 })
            await cmd.ExecuteNonQueryAsync(ct);
    }

    static double Normal(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());

    /// <summary>Gamma(shape, scale) by Marsaglia and Tsang (shape below 1 boosted).</summary>
    static double Gamma(Random r, double shape, double scale)
    {
        if (shape < 1) return Gamma(r, shape + 1, scale) * Math.Pow(1 - r.NextDouble(), 1 / shape);
        var d = shape - 1 / 3.0;
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do { x = Normal(r); v = 1 + c * x; } while (v <= 0);
            v = v * v * v;
            var u = 1 - r.NextDouble();
            if (Math.Log(u) < 0.5 * x * x + d - d * v + d * Math.Log(v)) return d * v * scale;
        }
    }

    static double Beta(Random r, double a, double b)
    {
        var x = Gamma(r, a, 1);
        return x / (x + Gamma(r, b, 1));
    }
}
