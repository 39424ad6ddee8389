using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Api.Infrastructure.Cli;
using Api.Infrastructure.Database;

namespace Api.Infrastructure.RateLimiting;

/// <summary>
/// <c>bench-rate-limits [--calls 20000] [--concurrency 16] [--out file.json]</c>: the cost of one permit (issue 20 §3), per
/// store: this instance's memory, the database taking one permit per request (limits up to 100, exact across instances), and
/// the database taking blocks (big limits). Each mode runs sequentially and with concurrent callers on distinct partitions,
/// as tenants would; prints mean and p50/p95/p99 per call.
/// </summary>
public sealed class RateLimitBenchCommand : ICliCommand
{
    public string Name => "bench-rate-limits";
    public string Usage => "bench-rate-limits [--calls 20000] [--concurrency 16] [--out results.json]";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyDictionary<string, string> args, CancellationToken ct)
    {
        var calls = int.Parse(args.GetValueOrDefault("calls", "20000"), CultureInfo.InvariantCulture);
        var concurrency = int.Parse(args.GetValueOrDefault("concurrency", "16"), CultureInfo.InvariantCulture);
        var db = services.GetRequiredService<Db>();
        var results = new List<object>();
        foreach (var (mode, store, limit) in new[] { ("memory", "memory", 1_000_000_000), ("database, one permit per ask", "database", 100),
                                                      ("database, blocks of 1 %", "database", 1_000_000_000) })
        {
            var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["RateLimits:Store"] = store }).Build();
            using var limits = new RateLimits(config, TimeProvider.System, [], db);
            var policy = new RateLimitPolicy("bench-" + Guid.NewGuid().ToString("N")[..8], limit, TimeSpan.FromHours(1));
            // a limit of 100 is spent after 100 asks per partition: spread the calls over enough partitions to stay granted
            var run = 0;
            string Partition(int worker, int i) => limit <= 100 ? $"r{run}w{worker}-{i / 90}" : $"r{run}w{worker}";
            for (var i = 0; i < 500; i++) await limits.AcquireAsync(policy, Partition(999, i), ct);   // warm-up: JIT, pool

            foreach (var workers in new[] { 1, concurrency })
            {
                run++;
                var perWorker = calls / workers;
                var samples = new double[perWorker * workers];
                var wall = Stopwatch.StartNew();
                await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
                {
                    for (var i = 0; i < perWorker; i++)
                    {
                        var t = Stopwatch.GetTimestamp();
                        var (lease, _, _) = await limits.AcquireAsync(policy, Partition(w, i), ct);
                        samples[w * perWorker + i] = Stopwatch.GetElapsedTime(t).TotalMicroseconds;
                        if (!lease.IsAcquired) throw new InvalidOperationException("bench permit refused");
                    }
                }, ct)));
                wall.Stop();
                Array.Sort(samples);
                double P(double q) => samples[Math.Min(samples.Length - 1, (int)(q * samples.Length))];
                var row = new
                {
                    mode, workers, calls = samples.Length, per_second = Math.Round(samples.Length / wall.Elapsed.TotalSeconds),
                    mean_us = Math.Round(samples.Average(), 1), p50_us = Math.Round(P(0.50), 1), p95_us = Math.Round(P(0.95), 1), p99_us = Math.Round(P(0.99), 1),
                };
                results.Add(row);
                Console.WriteLine($"{mode,-30} {workers,2} callers: {row.per_second,9:N0}/s  mean {row.mean_us,7:N1} µs  p50 {row.p50_us,7:N1}  p95 {row.p95_us,7:N1}  p99 {row.p99_us,7:N1}");
            }
        }
        if (args.TryGetValue("out", out var path))
            await File.WriteAllTextAsync(path, JsonSerializer.Serialize(new { scenario = "platform-rate-limits", results }, new JsonSerializerOptions { WriteIndented = true }), ct);
        return 0;
    }
}
