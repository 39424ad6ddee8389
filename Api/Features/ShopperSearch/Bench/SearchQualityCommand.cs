using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Api.Features.ShopperSearch.Common;
using Api.Infrastructure.Cli;
using Api.Infrastructure.Database;
using Api.Infrastructure.Integrations.Embeddings;
using Api.Infrastructure.Tenancy;
using Npgsql;

namespace Api.Features.ShopperSearch.Bench;

/// <summary>
/// <c>search-quality [--data bench/quality/data] [--queries N] [--out file.json] [--merchant 90001]</c>: search quality on the
/// labelled sets of <c>bench/quality/</c> (issue 19 §4). Each catalog (<c>catalog.tsv</c>, <c>generated-catalog.tsv</c>) is
/// loaded into its own merchant (<c>--merchant</c> and the next id; replaced on every run) the way the demo seeder leaves products
/// (all-MiniLM-L6-v2 text embedding, stated colour in CIELAB), then every query of its judgement file runs through each engine:
/// <list type="bullet">
/// <item><c>hybrid</c>: <see cref="SearchEngine"/> exactly as the text-search endpoint calls it (price words parsed by
/// <see cref="QueryText.ParsePrice"/>, mode text, limit 10; the endpoint's cache and recommendation text left out).</item>
/// <item><c>lexical</c>: the same engine with a query embedder that returns a zero vector: no vector candidates and no semantic
/// signal, so only the full-text, coverage and name-similarity signals rank.</item>
/// <item><c>semantic</c>: the query's MiniLM vector against the products' vectors (<see cref="VectorIndex"/>), the engine's
/// cut-off <see cref="SearchEngine.MinVectorCosine"/> applied; the query is embedded by the model each time (no cache).</item>
/// <item><c>bm25</c>: the baseline, Okapi BM25 (k1 1.2, b 0.75) over name, brand, category, sub-category, colour, tags and
/// details as one field, lower-cased alphanumeric tokens, no stemming.</item>
/// </list>
/// Figures per engine and query type: NDCG@10 (gain 2^grade − 1, log2 discount, ideal from the judged grades), zero-result rate of
/// the queries that have relevant products, how many nonsense queries came back empty, and latency p50/p95 (in process, no HTTP;
/// hybrid runs first, so its query vectors are cache misses and its latency includes embedding the query). Writes JSON to
/// <c>--out</c> and a table to stdout.
/// </summary>
sealed class SearchQualityCommand : ICliCommand
{
    public string Name => "search-quality";
    public string Usage => "[--data bench/quality/data] [--queries N] [--out results.json] [--merchant 90001]   NDCG@10, zero results, latency per engine";

    public static readonly string[] Engines = ["hybrid", "lexical", "semantic", "bm25"];

    public sealed record Product(string Id, string Name, string Category, string Sub, string Brand, string Color, string Tags, double Price, string Gender, string Details);
    public sealed record Query(string Text, string Type, Dictionary<string, int> Grades);
    public sealed record QueryResult(string Set, string Engine, string Query, string Type, double Ndcg10, int Results, string[] Top3, double Ms);
    public sealed record EngineFigures(string Set, string Engine, string Type, int Queries, double Ndcg10, double ZeroResultRate, int Nonsense, int NonsenseEmpty,
        double P50Ms, double P95Ms);

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyDictionary<string, string> args, CancellationToken ct)
    {
        var data = args.TryGetValue("data", out var d) ? d : Path.Combine(RepoRoot(), "bench", "quality", "data");
        var limit = args.TryGetValue("queries", out var qn) && int.TryParse(qn, out var n) && n > 0 ? n : int.MaxValue;
        var merchant = args.TryGetValue("merchant", out var m) && long.TryParse(m, out var mm) ? mm : 90001;
        var perQuery = new List<QueryResult>();
        var figures = await EvaluateAsync(services, data, limit, merchant, Console.Out, perQuery, ct);
        if (args.TryGetValue("out", out var outPath))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
            await File.WriteAllTextAsync(outPath, JsonSerializer.Serialize(new { figures, queries = perQuery }, new JsonSerializerOptions { WriteIndented = true }), ct);
        }
        return 0;
    }

    /// <summary>Loads both sets, runs every engine, prints the table to <paramref name="log"/> and returns the figures.</summary>
    public static Task<List<EngineFigures>> EvaluateAsync(IServiceProvider services, string data, int queryLimit, long merchant, TextWriter log, CancellationToken ct) =>
        EvaluateAsync(services, data, queryLimit, merchant, log, [], ct);

    /// <summary>As above, adding every query's outcome per engine to <paramref name="perQuery"/> (the JSON's "queries").</summary>
    public static async Task<List<EngineFigures>> EvaluateAsync(IServiceProvider services, string data, int queryLimit, long merchant, TextWriter log,
        List<QueryResult> perQuery, CancellationToken ct)
    {
        var result = new List<EngineFigures>();
        var sets = new[] { ("hand", "catalog.tsv", "search-judgements.tsv"), ("generated", "generated-catalog.tsv", "generated-judgements.tsv") };
        var model = services.GetRequiredService<LocalEmbedder>();
        foreach (var (i, (set, catalogFile, judgementFile)) in sets.Index())
        {
            var products = LoadCatalog(Path.Combine(data, catalogFile));
            var queries = LoadJudgements(Path.Combine(data, judgementFile)).Take(queryLimit).ToList();
            var id = merchant + i;
            var watch = Stopwatch.StartNew();
            var (rowIds, vectors) = await LoadIntoDatabaseAsync(services, model, id, products, ct);
            log.WriteLine($"{set}: {products.Count} products loaded and embedded in {watch.Elapsed.TotalSeconds:0.0} s; {queries.Count} queries");
            result.AddRange(await RunSetAsync(services, model, set, id, products, rowIds, vectors, queries, perQuery, ct));
        }
        log.WriteLine();
        log.WriteLine("| set | engine | type | queries | NDCG@10 | zero-result rate | nonsense empty | p50 ms | p95 ms |");
        log.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var f in result.OrderBy(f => f.Set).ThenBy(f => f.Type == "all" ? "" : f.Type).ThenBy(f => Array.IndexOf(Engines, f.Engine)))
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {f.Set} | {f.Engine} | {f.Type} | {f.Queries} | {f.Ndcg10:0.000} | {f.ZeroResultRate:P0} | {(f.Nonsense == 0 ? "-" : $"{f.NonsenseEmpty}/{f.Nonsense}")} | {f.P50Ms:0.0} | {f.P95Ms:0.0} |"));
        return result;
    }

    static async Task<List<EngineFigures>> RunSetAsync(IServiceProvider services, LocalEmbedder model, string set, long merchant, List<Product> products,
        Dictionary<long, string> rowIds, List<(long Id, float[] Vector)> vectors, List<Query> queries, List<QueryResult> perQuery, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(merchant.ToString(CultureInfo.InvariantCulture));
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var hybrid = scope.ServiceProvider.GetRequiredService<SearchEngine>();
        var lexical = ActivatorUtilities.CreateInstance<SearchEngine>(scope.ServiceProvider, new ZeroEmbedder(scope.ServiceProvider.GetRequiredService<ITextEmbedder>().Model));
        var embedder = scope.ServiceProvider.GetRequiredService<ITextEmbedder>();
        var vectorIndex = VectorIndex.Build(1, LocalEmbedder.ModelName, vectors);
        var bm25 = new Bm25(products);
        long version;
        await using (var tx = await db.BeginTenantAsync(ct))
            version = await scope.ServiceProvider.GetRequiredService<Catalog>().VersionAsync(db, merchant, ct);
        await scope.ServiceProvider.GetRequiredService<VectorIndexes>().BuildNowAsync(merchant, version, embedder.Model);

        async Task<List<string>> Search(string engine, string text)
        {
            switch (engine)
            {
                case "bm25": return bm25.Search(text, 10);
                case "semantic":
                    // the model itself, not the query-vector cache (the hybrid run before it filled that cache with these queries)
                    var v = (await model.EmbedAsync([QueryText.Normalize(text)], ct))[0];
                    return [.. vectorIndex.Nearest(v, 10, SearchEngine.MinVectorCosine).Select(h => rowIds[h.Id])];
                default:
                    var parsed = QueryText.ParsePrice(text, null, null);
                    await using (var tx = await db.BeginTenantAsync(ct))
                    {
                        var hits = await (engine == "hybrid" ? hybrid : lexical).SearchAsync(db,
                            new SearchInput(merchant, "text", parsed.Text, null, parsed.MinPrice, parsed.MaxPrice, [], [], [], 10), ct);
                        return [.. hits.Select(h => h.Product.ProductId)];
                    }
            }
        }

        var result = new List<EngineFigures>();
        foreach (var engine in Engines)
        {
            await Search(engine, "warm up query");
            var rows = new List<(Query Q, double Ndcg, int Count, double Ms)>();
            foreach (var query in queries)
            {
                var start = Stopwatch.GetTimestamp();
                var ranked = await Search(engine, query.Text);
                var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                rows.Add((query, Ndcg(ranked, query.Grades, 10), ranked.Count, ms));
                perQuery.Add(new QueryResult(set, engine, query.Text, query.Type, Math.Round(rows[^1].Ndcg, 4), ranked.Count, [.. ranked.Take(3)], Math.Round(ms, 2)));
            }
            foreach (var type in new[] { "all" }.Concat(queries.Select(q => q.Type).Distinct()))
            {
                var these = rows.Where(r => type == "all" || r.Q.Type == type).ToList();
                var relevant = these.Where(r => r.Q.Grades.Values.Any(g => g > 0)).ToList();
                var nonsense = these.Where(r => r.Q.Type == "nonsense").ToList();
                var ms = these.Select(r => r.Ms).Order().ToList();
                result.Add(new EngineFigures(set, engine, type, these.Count,
                    Math.Round(relevant.Count == 0 ? 0 : relevant.Average(r => r.Ndcg), 4),
                    Math.Round(relevant.Count == 0 ? 0 : relevant.Count(r => r.Count == 0) / (double)relevant.Count, 4),
                    nonsense.Count, nonsense.Count(r => r.Count == 0), Math.Round(Pct(ms, 50), 2), Math.Round(Pct(ms, 95), 2)));
            }
        }
        return result;
    }

    /// <summary>Replaces the merchant's products with <paramref name="products"/>, embedded as the pipeline embeds them; bumps the catalog version.</summary>
    internal static async Task<(Dictionary<long, string> RowIds, List<(long, float[])> Vectors)> LoadIntoDatabaseAsync(IServiceProvider services, LocalEmbedder model,
        long merchant, List<Product> products, CancellationToken ct)
    {
        var db = services.GetRequiredService<Db>();
        await db.Ready;
        var embeddings = await model.EmbedAsync([.. products.Select(p =>
            Enrichment.EmbeddingText(p.Name, p.Category, p.Sub, p.Brand, p.Color, p.Tags, p.Details, null))], ct);
        await using var conn = await db.Owner.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        async Task Exec(string sql, params object?[] args)
        {
            await using var cmd = new NpgsqlCommand(sql, conn, tx);
            foreach (var a in args) cmd.Parameters.Add(new NpgsqlParameter { Value = a ?? DBNull.Value });
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await Exec("select set_config('app.tenant_id', $1, true)", merchant.ToString(CultureInfo.InvariantCulture));
        await Exec("delete from shopper.products where merchant_id = $1", merchant);
        await Exec("""
            insert into shopper.merchant_info (merchant_id, display_name, catalog_version) values ($1, 'Quality bench', 1)
            on conflict (merchant_id) do update set catalog_version = shopper.merchant_info.catalog_version + 1, updated_at = now()
            """, merchant);
        var rowIds = new Dictionary<long, string>();
        var vectors = new List<(long, float[])>();
        foreach (var (p, embedding) in products.Zip(embeddings))
        {
            var lab = Colors.Parse(p.Color) is { } c ? Colors.ToLab(c.R, c.G, c.B).ToArray() : null;
            await using var cmd = new NpgsqlCommand("""
                insert into shopper.products (merchant_id, product_id, product_name, handle, product_details, brand, category, sub_category,
                    color, tags, price, price_numeric, gender, image1, status, text_embedding, color_embedding, color_embedding_1, percent_1,
                    color_names, enriched_at, text_embedding_model)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 'active', $15, $16, $16, 100, $17, now(), $18)
                returning id
                """, conn, tx);
            foreach (var a in new object?[] { merchant, p.Id, p.Name, QueryText.Slug(p.Name) + "-" + p.Id.ToLowerInvariant(), p.Details, p.Brand, p.Category, p.Sub,
                         p.Color, p.Tags, p.Price.ToString("0.00", CultureInfo.InvariantCulture), p.Price, p.Gender,
                         $"https://cdn.example.com/quality/{p.Id}.jpg", embedding, lab,
                         lab is null ? null : Colors.NearestName(Lab.From(lab)!.Value), LocalEmbedder.ModelName })
                cmd.Parameters.Add(new NpgsqlParameter { Value = a ?? DBNull.Value });
            var rowId = (long)(await cmd.ExecuteScalarAsync(ct))!;
            rowIds[rowId] = p.Id;
            vectors.Add((rowId, embedding));
        }
        await tx.CommitAsync(ct);
        services.GetRequiredService<Catalog>().Invalidate(merchant);
        return (rowIds, vectors);
    }

    public static List<Product> LoadCatalog(string path) => [.. File.ReadLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).Skip(1)
        .Select(l => l.Split('\t'))
        .Select(c => new Product(c[0], c[1], c[2], c[3], c[4], c[5], c[6], double.Parse(c[7], CultureInfo.InvariantCulture), c[8], c[9]))];

    /// <summary>query, type, product_id, grade per line; a product "-" marks a query with no relevant product (nonsense).</summary>
    public static List<Query> LoadJudgements(string path)
    {
        var queries = new List<Query>();
        foreach (var c in File.ReadLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).Skip(1).Select(l => l.Split('\t')))
        {
            if (queries.Count == 0 || queries[^1].Text != c[0]) queries.Add(new Query(c[0], c[1], []));
            if (c[2] != "-") queries[^1].Grades[c[2]] = int.Parse(c[3], CultureInfo.InvariantCulture);
        }
        return queries;
    }

    public static double Ndcg(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> grades, int k)
    {
        static double Dcg(IEnumerable<int> gains) => gains.Select((g, i) => (Math.Pow(2, g) - 1) / Math.Log2(i + 2)).Sum();
        var ideal = Dcg(grades.Values.OrderDescending().Take(k));
        return ideal == 0 ? 0 : Dcg(ranked.Take(k).Select(id => grades.GetValueOrDefault(id))) / ideal;
    }

    static double Pct(List<double> sorted, int p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, Math.Max(0, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1))];

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(Directory.GetCurrentDirectory());
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Slices.sln"))) dir = dir.Parent;
        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }

    /// <summary>The lexical engine's query embedder: a zero vector (cosine 0 with every product, no vector candidates).</summary>
    sealed class ZeroEmbedder(string model) : ITextEmbedder
    {
        public string Model => model;
        public Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken ct) => Task.FromResult(texts.Select(_ => new float[LocalEmbedder.Dimensions]).ToArray());
        public Task<float[]> EmbedQueryAsync(string query, CancellationToken ct) => Task.FromResult(new float[LocalEmbedder.Dimensions]);
    }

    /// <summary>Okapi BM25 over one field (every text column joined), lower-cased alphanumeric tokens.</summary>
    public sealed class Bm25
    {
        const double K1 = 1.2, B = 0.75;
        readonly List<(string Id, Dictionary<string, int> Tf, int Length)> _docs = [];
        readonly Dictionary<string, int> _df = new(StringComparer.Ordinal);
        readonly double _avgLength;

        public Bm25(IEnumerable<Product> products)
        {
            foreach (var p in products)
            {
                var tokens = Tokens($"{p.Name} {p.Brand} {p.Category} {p.Sub} {p.Color} {p.Tags.Replace(',', ' ')} {p.Details}");
                var tf = tokens.GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
                foreach (var t in tf.Keys) _df[t] = _df.GetValueOrDefault(t) + 1;
                _docs.Add((p.Id, tf, tokens.Count));
            }
            _avgLength = _docs.Count == 0 ? 1 : _docs.Average(d => d.Length);
        }

        public static List<string> Tokens(string text) => [.. System.Text.RegularExpressions.Regex.Split(text.ToLowerInvariant(), "[^a-z0-9]+").Where(t => t.Length > 0)];

        public List<string> Search(string query, int k)
        {
            var terms = Tokens(query).Distinct().ToList();
            var n = _docs.Count;
            return [.. _docs.Select(d => (d.Id, Score: terms.Sum(t =>
                {
                    if (!d.Tf.TryGetValue(t, out var f)) return 0;
                    var idf = Math.Log(1 + (n - _df[t] + 0.5) / (_df[t] + 0.5));
                    return idf * f * (K1 + 1) / (f + K1 * (1 - B + B * d.Length / _avgLength));
                })))
                .Where(x => x.Score > 0).OrderByDescending(x => x.Score).ThenBy(x => x.Id, StringComparer.Ordinal).Take(k).Select(x => x.Id)];
        }
    }
}
