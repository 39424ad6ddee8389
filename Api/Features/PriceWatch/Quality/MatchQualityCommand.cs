using System.Globalization;
using System.Text.Json;
using Api.Features.PriceWatch.Common.Matching;
using Api.Infrastructure.Cli;

namespace Api.Features.PriceWatch.Quality;

/// <summary>
/// <c>match-quality [--data bench/quality/data] [--pairs N] [--out file.json]</c>: matching quality on the labelled pairs of
/// <c>bench/quality/data/match-pairs.tsv</c> (issue 19 §4), every engine side by side with a TF-IDF baseline. No database.
/// Engines run through the real decision code (<see cref="FuzzyMatcher"/> candidates, then <see cref="MatchDecision"/>) with the
/// profile a tenant without an industry profile gets (<see cref="MatchProfile.Default"/>):
/// <c>fuzzy</c>; <c>hybrid</c> and <c>ai</c> with the local rule-based verifier (what both run with no OpenAI-compatible endpoint
/// configured); <c>tfidf</c>: cosine of TF-IDF vectors (lower-cased alphanumeric tokens, smoothed idf fitted on every name of the
/// file), match when at least a threshold tuned for F1 on the <c>train</c> split.
/// Two views: <c>pairs</c> (each labelled pair judged alone: does the engine accept this listing for this product?) and
/// <c>best-listing</c> (each own product picks at most one listing from the pool of every listing in the file; a pick is right when
/// that pair is labelled a match; recall over own products that have a labelled match) and <c>assigned</c> (what the job stores:
/// every accepted candidate, then the one-to-one <see cref="Assignment"/> over the pool). Own products carry their vendor from the
/// tenant's catalog (<c>catalog.tsv</c>), and brands are learned from those vendor values (<see cref="Brands"/>), as the job does
/// with both catalogs' vendor fields; the listings have no vendor. Figures on the <c>test</c> split and on all.
/// </summary>
sealed class MatchQualityCommand : ICliCommand
{
    public string Name => "match-quality";
    public string Usage => "[--data bench/quality/data] [--pairs N] [--out results.json]   precision, recall, F1 per matcher";

    public static readonly string[] Engines = ["fuzzy", "hybrid", "ai", "tfidf"];

    public sealed record Pair(string Id, string Kind, string Own, string Competitor, bool Match, string Split);
    public sealed record Figures(string View, string Engine, string Split, int Judged, int Picks, int Correct, int Positives, double Precision, double Recall, double F1, double? Threshold);

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyDictionary<string, string> args, CancellationToken ct)
    {
        var data = args.TryGetValue("data", out var d) ? d : Path.Combine(RepoRoot(), "bench", "quality", "data");
        var limit = args.TryGetValue("pairs", out var pn) && int.TryParse(pn, out var n) && n > 0 ? n : int.MaxValue;
        var figures = await EvaluateAsync(LoadPairs(Path.Combine(data, "match-pairs.tsv")).Take(limit).ToList(), Console.Out, ct, LoadVendors(Path.Combine(data, "catalog.tsv")));
        if (args.TryGetValue("out", out var outPath))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
            await File.WriteAllTextAsync(outPath, JsonSerializer.Serialize(figures, new JsonSerializerOptions { WriteIndented = true }), ct);
        }
        return 0;
    }

    public static List<Pair> LoadPairs(string path) => [.. File.ReadLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).Skip(1)
        .Select(l => l.Split('\t')).Select(c => new Pair(c[0], c[1], c[2], c[3], c[4] == "1", c[5]))];

    /// <summary>The tenant's catalog (<c>catalog.tsv</c>): product name → its brand column, what the vendor field holds after a sync.</summary>
    public static Dictionary<string, string> LoadVendors(string path) => File.Exists(path)
        ? File.ReadLines(path).Skip(1).Select(l => l.Split('\t')).Where(c => c.Length > 4).GroupBy(c => c[1]).ToDictionary(g => g.Key, g => g.First()[4], StringComparer.Ordinal)
        : [];

    /// <param name="vendors">own product name → vendor (the tenant's catalog); the brand lexicon is learned from these values</param>
    public static async Task<List<Figures>> EvaluateAsync(List<Pair> pairs, TextWriter log, CancellationToken ct, IReadOnlyDictionary<string, string>? vendors = null)
    {
        var profile = MatchProfile.Default;
        vendors ??= new Dictionary<string, string>();
        var brands = new Brands(vendors.Values, profile);
        Item OwnItem(string name) => new(Key(name), name, Vendor: vendors.GetValueOrDefault(name));
        var verifier = new LocalRuleVerifier();
        var tfidf = new TfIdf(pairs.SelectMany(p => new[] { p.Own, p.Competitor }));
        var threshold = TuneThreshold(pairs.Where(p => p.Split == "train").Select(p => (tfidf.Cosine(p.Own, p.Competitor), p.Match)).ToList());
        var result = new List<Figures>();
        Guid Key(string name) => new(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(name)));

        // pairs: every labelled pair alone
        var verdicts = new Dictionary<string, List<(Pair Pair, bool Said)>>();
        foreach (var engine in Engines)
        {
            var list = verdicts[engine] = [];
            foreach (var p in pairs)
            {
                bool said;
                if (engine == "tfidf") said = tfidf.Cosine(p.Own, p.Competitor) >= threshold;
                else
                {
                    var own = OwnItem(p.Own);
                    var matcher = new FuzzyMatcher(profile, [new Item(Key(p.Competitor), p.Competitor)], brands: brands, ownProducts: [own]);
                    said = await MatchDecision.DecideAsync(matcher, own, matcher.Candidates(own, take: 15), engine, profile, verifier, ct) is not null;
                }
                list.Add((p, said));
            }
            foreach (var kind in list.Select(v => v.Pair.Kind).Distinct())
            {
                var these = list.Where(v => v.Pair.Kind == kind).ToList();
                result.Add(Make("pairs-by-kind:" + kind, engine, "all", these.Count, these.Count(v => v.Said), these.Count(v => v.Said && v.Pair.Match),
                    these.Count(v => v.Pair.Match), engine == "tfidf" ? threshold : null));
            }
            foreach (var split in new[] { "test", "all" })
            {
                var these = list.Where(v => split == "all" || v.Pair.Split == split).ToList();
                result.Add(Make("pairs", engine, split, these.Count, these.Count(v => v.Said), these.Count(v => v.Said && v.Pair.Match), these.Count(v => v.Pair.Match),
                    engine == "tfidf" ? threshold : null));
            }
        }

        // best listing: each own product picks from the pool of every listing in the file
        var pool = pairs.Select(p => p.Competitor).Distinct().Select(c => new Item(Key(c), c)).ToList();
        // a listing written exactly as our product (in the pool as another pair's listing) is the same product by the labelling
        // rules; before ties were broken by content the pool's file order hid this (the labelled rewrite came first)
        var truth = pairs.Where(p => p.Match).Select(p => (p.Own, p.Competitor)).Concat(pairs.Select(p => p.Own).Distinct()
            .Where(o => pairs.Any(p => p.Competitor == o)).Select(o => (o, o))).ToHashSet();
        var owns = pairs.GroupBy(p => p.Own).Select(g => (Own: g.Key, Split: g.First().Split, Positive: g.Any(p => p.Match))).ToList();
        var wrongPicks = new List<string>();
        var poolMatcher = new FuzzyMatcher(profile, pool, brands: brands, ownProducts: owns.Select(o => OwnItem(o.Own)));
        foreach (var engine in Engines)
        {
            var picks = new List<(string Own, string Split, bool Positive, string? Pick)>();
            foreach (var (ownName, split, positive) in owns)
            {
                string? pick;
                if (engine == "tfidf")
                {
                    var best = pool.Select(c => (c.Name, Score: tfidf.Cosine(ownName, c.Name))).OrderByDescending(x => x.Score).ThenBy(x => x.Name, StringComparer.Ordinal).First();
                    pick = best.Score >= threshold ? best.Name : null;
                }
                else
                {
                    var own = OwnItem(ownName);
                    pick = (await MatchDecision.DecideAsync(poolMatcher, own, poolMatcher.Candidates(own, take: 15), engine, profile, verifier, ct))?.Product.Name;
                }
                picks.Add((ownName, split, positive, pick));
            }
            if (engine != "tfidf")
                foreach (var x in picks.Where(x => x.Pick is { } c ? !truth.Contains((x.Own, c)) : x.Positive))
                    wrongPicks.Add($"  best-listing {engine}: {x.Own} -> {x.Pick ?? "(none)"}");
            foreach (var split in new[] { "test", "all" })
            {
                var these = picks.Where(x => split == "all" || x.Split == split).ToList();
                result.Add(Make("best-listing", engine, split, these.Count, these.Count(x => x.Pick is not null),
                    these.Count(x => x.Pick is { } c && truth.Contains((x.Own, c))), these.Count(x => x.Positive), engine == "tfidf" ? threshold : null));
            }
        }

        // assigned: what the job stores — every accepted candidate, then the one-to-one greedy assignment (each listing to at most
        // one own product); tfidf: the same greedy over its pairs at or above the threshold
        foreach (var engine in Engines)
        {
            var edges = new List<Assignment.Edge>();
            foreach (var (ownName, _, _) in owns)
            {
                var own = OwnItem(ownName);
                if (engine == "tfidf")
                    edges.AddRange(pool.Select(c => new Assignment.Edge(own, new Candidate(c, tfidf.Cosine(ownName, c.Name)))).Where(e => e.Match.Confidence >= threshold));
                else
                    edges.AddRange((await MatchDecision.AcceptedAsync(poolMatcher, own, poolMatcher.Candidates(own, take: 15), engine, profile, verifier, ct))
                        .Select(c => new Assignment.Edge(own, c)));
            }
            var assigned = Assignment.Greedy(edges, allowManyToOne: false).ToDictionary(e => e.Own.Name, e => e.Match.Product.Name, StringComparer.Ordinal);
            if (engine != "tfidf")
                foreach (var (ownName, _, positive) in owns)
                    if (assigned.TryGetValue(ownName, out var c) ? !truth.Contains((ownName, c)) : positive)
                        wrongPicks.Add($"  assigned {engine}: {ownName} -> {c ?? "(none)"}");
            foreach (var split in new[] { "test", "all" })
            {
                var these = owns.Where(x => split == "all" || x.Split == split).ToList();
                result.Add(Make("assigned", engine, split, these.Count, these.Count(x => assigned.ContainsKey(x.Own)),
                    these.Count(x => assigned.TryGetValue(x.Own, out var c) && truth.Contains((x.Own, c))), these.Count(x => x.Positive), engine == "tfidf" ? threshold : null));
            }
        }

        log.WriteLine($"{pairs.Count} labelled pairs ({pairs.Count(p => p.Match)} matches; test split {pairs.Count(p => p.Split == "test")}), " +
            $"{owns.Count} own products, pool of {pool.Count} listings; TF-IDF threshold {threshold:0.00} tuned on the train split");
        log.WriteLine();
        log.WriteLine("| view | split | engine | judged | picks | correct | true | precision | recall | F1 |");
        log.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var f in result.Where(f => !f.View.StartsWith("pairs-by-kind", StringComparison.Ordinal)).OrderBy(f => f.View switch { "pairs" => 0, "best-listing" => 1, _ => 2 }).ThenBy(f => f.Split == "test" ? 0 : 1).ThenBy(f => Array.IndexOf(Engines, f.Engine)))
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {f.View} | {f.Split} | {f.Engine} | {f.Judged} | {f.Picks} | {f.Correct} | {f.Positives} | {100 * f.Precision:0.0} | {100 * f.Recall:0.0} | {100 * f.F1:0.0} |"));
        log.WriteLine();
        log.WriteLine("pairs judged wrong (all splits; tfidf left out): engine: kind id: own | listing");
        foreach (var engine in Engines.Where(e => e != "tfidf"))
            foreach (var (p, said) in verdicts[engine].Where(v => v.Said != v.Pair.Match))
                log.WriteLine($"  {engine}: {(said ? "accepted" : "missed")} {p.Kind} {p.Id}: {p.Own} | {p.Competitor}");
        log.WriteLine();
        log.WriteLine("wrong or missing picks (all splits; tfidf left out): view engine: own -> listing");
        foreach (var line in wrongPicks) log.WriteLine(line);
        log.WriteLine();
        log.WriteLine("pairs accepted per kind (all splits): kind (matches/pairs): " + string.Join(", ", Engines) + " accepted");
        foreach (var group in result.Where(f => f.View.StartsWith("pairs-by-kind:", StringComparison.Ordinal)).GroupBy(f => f.View))
        {
            var first = group.First();
            log.WriteLine($"  {group.Key["pairs-by-kind:".Length..]} ({first.Positives}/{first.Judged}): {string.Join(" / ", group.Select(f => f.Picks))}");
        }
        return result;
    }

    static string RepoRoot()
    {
        var dir = new DirectoryInfo(Directory.GetCurrentDirectory());
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Slices.sln"))) dir = dir.Parent;
        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }

    static Figures Make(string view, string engine, string split, int judged, int picks, int correct, int positives, double? threshold)
    {
        var p = picks == 0 ? 0 : (double)correct / picks;
        var r = positives == 0 ? 0 : (double)correct / positives;
        var f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
        return new Figures(view, engine, split, judged, picks, correct, positives, Math.Round(p, 4), Math.Round(r, 4), Math.Round(f1, 4), threshold);
    }

    /// <summary>The threshold in 0.01 steps with the best F1 on the given (score, label) pairs (ties: the lower threshold).</summary>
    public static double TuneThreshold(List<(double Score, bool Match)> train)
    {
        var (best, bestF1) = (0.5, -1.0);
        for (var step = 1; step <= 100; step++)
        {
            var t = step / 100.0;   // not an accumulated sum: the threshold reported is the one compared
            var picks = train.Count(x => x.Score >= t);
            var correct = train.Count(x => x.Score >= t && x.Match);
            var positives = train.Count(x => x.Match);
            var f1 = picks == 0 || positives == 0 || correct == 0 ? 0 : 2.0 * correct / (picks + positives);
            if (f1 > bestF1 + 1e-12) (best, bestF1) = (t, f1);
        }
        return best;
    }

    /// <summary>TF-IDF vectors (raw term frequency × smoothed idf ln((1 + n) / (1 + df)) + 1, L2-normalised) and their cosine.</summary>
    public sealed class TfIdf
    {
        readonly Dictionary<string, double> _idf = new(StringComparer.Ordinal);
        readonly double _unseen;

        public TfIdf(IEnumerable<string> documents)
        {
            var docs = documents.Distinct().ToList();
            var df = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var d in docs)
                foreach (var t in Tokens(d).Distinct()) df[t] = df.GetValueOrDefault(t) + 1;
            foreach (var (t, c) in df) _idf[t] = Math.Log((1.0 + docs.Count) / (1 + c)) + 1;
            _unseen = Math.Log(1.0 + docs.Count) + 1;
        }

        public static List<string> Tokens(string text) => [.. System.Text.RegularExpressions.Regex.Split(text.ToLowerInvariant(), "[^a-z0-9]+").Where(t => t.Length > 0)];

        Dictionary<string, double> Vector(string text)
        {
            var v = Tokens(text).GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count() * _idf.GetValueOrDefault(g.Key, _unseen), StringComparer.Ordinal);
            var norm = Math.Sqrt(v.Values.Sum(x => x * x));
            return norm == 0 ? v : v.ToDictionary(kv => kv.Key, kv => kv.Value / norm, StringComparer.Ordinal);
        }

        public double Cosine(string a, string b)
        {
            var (va, vb) = (Vector(a), Vector(b));
            return va.Sum(kv => vb.TryGetValue(kv.Key, out var x) ? kv.Value * x : 0);
        }
    }
}
