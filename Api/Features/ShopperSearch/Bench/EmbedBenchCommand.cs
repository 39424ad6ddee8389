using System.Diagnostics;
using Api.Features.ShopperSearch.Common;
using Api.Infrastructure.Cli;
using Api.Infrastructure.Integrations.Embeddings;

namespace Api.Features.ShopperSearch.Bench;

/// <summary>
/// <c>embed-bench [--texts 2000] [--queries 300] [--products 100000] [--threads N]</c>: the local embedding model's speed, with no
/// database: product texts embedded per second in the pipeline's batches (generated bench products, as the pipeline builds their
/// text), query embedding latency (single short texts, each new, so no cache), and an exact vector-index scan over
/// <c>--products</c> random unit vectors (the cost of the vector part of a search). Prints one line per figure and the
/// machine's load, since the figures move with it.
/// </summary>
sealed class EmbedBenchCommand : ICliCommand
{
    public string Name => "embed-bench";
    public string Usage => "[--texts 2000] [--queries 300] [--products 100000] [--threads N] [--batch 32]   speed of the local embedding model and vector index";

    static readonly string[] QueryWords = ["navy", "blazer", "linen", "shirt", "summer", "dress", "running", "shoes", "wool", "coat", "black", "jeans",
        "wedding", "guest", "outfit", "leather", "boots", "cozy", "sweater", "beach", "holiday", "office", "trousers", "silk", "scarf", "gym"];

    public Task<int> RunAsync(IServiceProvider services, IReadOnlyDictionary<string, string> args, CancellationToken ct)
    {
        int Arg(string name, int fallback) => args.TryGetValue(name, out var v) && int.TryParse(v, out var n) && n > 0 ? n : fallback;
        var settings = new Dictionary<string, string?>();
        if (args.TryGetValue("threads", out var threads)) settings["Embeddings:Local:Threads"] = threads;
        if (args.TryGetValue("batch", out var batch)) settings["Embeddings:Local:BatchSize"] = batch;
        using var model = new LocalEmbedder(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        Console.WriteLine($"model {LocalEmbedder.ModelName}, {LocalEmbedder.Dimensions} dims; {Environment.ProcessorCount} cores, load average {load}");

        var watch = Stopwatch.StartNew();
        model.Warm();
        Console.WriteLine($"model load and first text: {watch.ElapsedMilliseconds} ms");

        var texts = BenchDataCommand.SampleTexts(Arg("texts", 2000), 11);
        model.Embed(texts.Take(64).ToList(), ct);   // warm the batch shapes
        watch.Restart();
        for (var i = 0; i < texts.Count; i += 256) model.Embed(texts.Skip(i).Take(256).ToList(), ct);
        var perSecond = texts.Count / watch.Elapsed.TotalSeconds;
        Console.WriteLine($"product texts: {texts.Count} in {watch.Elapsed.TotalSeconds:0.00} s = {perSecond:0} texts/s (mean {texts.Average(t => t.Length):0} chars)");

        var rnd = new Random(5);
        var latencies = new List<double>();
        for (var i = 0; i < Arg("queries", 300); i++)
        {
            var q = string.Join(' ', Enumerable.Range(0, 2 + rnd.Next(3)).Select(_ => QueryWords[rnd.Next(QueryWords.Length)])) + (i % 7 == 0 ? " for " + QueryWords[rnd.Next(QueryWords.Length)] : "");
            var t = Stopwatch.GetTimestamp();
            model.Embed([q], ct);
            latencies.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
        latencies.Sort();
        Console.WriteLine($"query embedding: p50 {Pct(latencies, 50):0.00} ms, p95 {Pct(latencies, 95):0.00} ms, p99 {Pct(latencies, 99):0.00} ms ({latencies.Count} queries)");

        var n = Arg("products", 100_000);
        var vrnd = new Random(3);
        var index = VectorIndex.Build(1, LocalEmbedder.ModelName, Enumerable.Range(1, n).Select(i =>
        {
            var v = new float[LocalEmbedder.Dimensions];
            for (var d = 0; d < v.Length; d++) v[d] = (float)(vrnd.NextDouble() * 2 - 1);
            TextEmbeddings.Normalize(v);
            return ((long)i, v);
        }));
        var query = model.Embed(["navy blazer for a job interview"], ct)[0];
        var scans = new List<double>();
        for (var i = 0; i < 50; i++)
        {
            var t = Stopwatch.GetTimestamp();
            index.Nearest(query, 100, -1);
            scans.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
        scans.Sort();
        Console.WriteLine($"vector index: {index.Count} products, {index.Bytes / 1e6:0.0} MB; exact top-100 scan p50 {Pct(scans, 50):0.00} ms, p95 {Pct(scans, 95):0.00} ms");
        return Task.FromResult(0);
    }

    static double Pct(List<double> sorted, int p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];
}
