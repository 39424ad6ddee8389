using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Api.Features.ShopperSearch.Common;
using Api.Infrastructure.Cli;
using Api.Infrastructure.Database;
using Npgsql;
using NpgsqlTypes;

namespace Api.Features.ShopperSearch.Bench;

/// <summary>
/// <c>shopper-bench-data --merchant 50001 --products 100000 --merchants 5 --other-products 5000 [--ndjson rows.ndjson --ndjson-rows 100000] [--seed 7]</c>:
/// a synthetic apparel catalog for the benchmark. The big merchant gets <c>--products</c> rows, each of the other
/// <c>--merchants − 1</c> (ids following it) <c>--other-products</c>, all enriched the way the pipeline leaves them (text embedding,
/// stated colour in CIELAB as colour 1, colour names). Rows go through binary COPY into a temporary table, then one
/// insert per merchant under its tenant setting (row-level security refuses COPY into the table itself). With
/// <c>--ndjson</c> it also writes fresh ingest lines (new product ids) for the ingest measurement. Refuses to run twice.
/// </summary>
sealed class BenchDataCommand : ICliCommand
{
    public string Name => "shopper-bench-data";
    public string Usage => "--merchant 50001 --products 100000 --merchants 5 --other-products 5000 [--ndjson rows.ndjson] [--ndjson-rows 100000] [--seed 7] [--reset-only]";

    static readonly string[] Adjectives = ["Relaxed", "Classic", "Slim", "Oversized", "Cropped", "Tailored", "Vintage", "Everyday", "Lightweight", "Cozy",
        "Waterproof", "Stretch", "Pleated", "Quilted", "Ribbed", "Washed", "Brushed", "Organic", "Recycled", "Performance"];
    static readonly string[] Materials = ["Linen", "Cotton", "Wool", "Merino", "Denim", "Leather", "Suede", "Silk", "Satin", "Fleece", "Cashmere", "Corduroy",
        "Nylon", "Jersey", "Canvas"];
    static readonly (string Noun, string Category, string Sub)[] Items =
    [
        ("Shirt", "tops", "shirts"), ("Tee", "tops", "t-shirts"), ("Blouse", "tops", "blouses"), ("Polo", "tops", "polos"), ("Tank Top", "tops", "tanks"),
        ("Dress", "dresses", "midi"), ("Maxi Dress", "dresses", "maxi"), ("Gown", "dresses", "gowns"), ("Blazer", "outerwear", "blazers"),
        ("Jacket", "outerwear", "jackets"), ("Coat", "outerwear", "coats"), ("Parka", "outerwear", "parkas"), ("Sweater", "knitwear", "sweaters"),
        ("Cardigan", "knitwear", "cardigans"), ("Hoodie", "knitwear", "hoodies"), ("Chinos", "bottoms", "chinos"), ("Jeans", "bottoms", "jeans"),
        ("Trousers", "bottoms", "trousers"), ("Shorts", "bottoms", "shorts"), ("Skirt", "bottoms", "skirts"), ("Leggings", "bottoms", "leggings"),
        ("Sneakers", "shoes", "sneakers"), ("Boots", "shoes", "boots"), ("Loafers", "shoes", "loafers"), ("Sandals", "shoes", "sandals"),
        ("Tote", "bags", "totes"), ("Backpack", "bags", "backpacks"), ("Scarf", "accessories", "scarves"), ("Beanie", "accessories", "hats"), ("Belt", "accessories", "belts"),
    ];
    static readonly string[] ColorNames = ["black", "white", "navy", "red", "olive", "khaki", "charcoal", "cream", "burgundy", "emerald green", "camel", "tan",
        "light blue", "cobalt blue", "pink", "mustard yellow", "forest green", "sage green", "terracotta", "coral", "grey", "brown", "beige", "lavender"];
    static readonly string[] Brands = ["Cove & Coast", "Harbor Row", "Northfold", "Field Theory", "Sand Coast", "Velvet Hour", "Indigo Mill", "Stride Lab",
        "Pulse", "Daybreak", "Puddle", "Atlas Supply", "Juniper & Pine", "Meridian", "Lowtide"];
    static readonly string[] Occasions = ["summer", "winter", "office", "weekend", "wedding", "travel", "gym", "evening", "beach", "everyday", "outdoors"];
    static readonly string[] Genders = ["mens", "womens", "unisex", "womens", "mens"];

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyDictionary<string, string> args, CancellationToken ct)
    {
        long Arg(string name, long fallback) => args.TryGetValue(name, out var v) && long.TryParse(v, out var n) && n > 0 ? n : fallback;
        var (merchant, products, merchants, others) = (Arg("merchant", 50001), (int)Arg("products", 100_000), (int)Arg("merchants", 5), (int)Arg("other-products", 5000));
        var rnd = new Random((int)Arg("seed", 7));
        var vectorRnd = new Random((int)Arg("seed", 7) + 1);
        var db = services.GetRequiredService<Db>();
        await db.Ready;
        var watch = Stopwatch.StartNew();
        var colors = ColorNames.Select(n => (Name: n, Rgb: Colors.Parse(n) ?? throw new InvalidOperationException($"unknown colour {n}"))).ToArray();

        await using var conn = await db.Owner.OpenConnectionAsync(ct);
        await ResetIngestTargetAsync(conn, merchant, merchants, ct);
        // --reset-only: the bench between and after its ingests, so one ingest's pipeline run (enrichment and embedding of
        // 100,000 rows) does not load the next measurement or the next scenario on the same database
        if (args.ContainsKey("reset-only")) return 0;
        await using (var exists = new NpgsqlCommand("select exists (select from shopper.products where merchant_id = $1)", conn))
        {
            exists.Parameters.Add(new NpgsqlParameter { Value = merchant });
            if ((bool)(await exists.ExecuteScalarAsync(ct))!) { await Console.Error.WriteLineAsync($"bench data for merchant {merchant} already loaded"); return 1; }
        }

        await using (var tx = await conn.BeginTransactionAsync(ct))
        {
            await Exec(conn, tx, """
                create temp table bench_stage (merchant_id bigint, product_id text, product_name text, handle text, product_details text, brand text,
                    category text, sub_category text, color text, tags text, price text, price_numeric float8, gender text, image1 text,
                    text_embedding real[], color_embedding real[], color_names text) on commit drop
                """, ct);
            await using (var copy = await conn.BeginBinaryImportAsync("copy pg_temp.bench_stage from stdin (format binary)", ct))
            {
                for (var m = 0; m < merchants; m++)
                {
                    var count = m == 0 ? products : others;
                    for (var i = 1; i <= count; i++)
                    {
                        var p = Product(rnd, colors, i, "BENCH");
                        await copy.StartRowAsync(ct);
                        await copy.WriteAsync(merchant + m, NpgsqlDbType.Bigint, ct);
                        foreach (var v in new[] { p.Id, p.Name, p.Handle, p.Details, p.Brand, p.Category, p.Sub, p.Color, p.Tags, p.Price })
                            await copy.WriteAsync(v, NpgsqlDbType.Text, ct);
                        await copy.WriteAsync(p.PriceNumeric, NpgsqlDbType.Double, ct);
                        await copy.WriteAsync(p.Gender, NpgsqlDbType.Text, ct);
                        await copy.WriteAsync(p.Image, NpgsqlDbType.Text, ct);
                        await copy.WriteAsync(BenchVector(vectorRnd), NpgsqlDbType.Array | NpgsqlDbType.Real, ct);
                        await copy.WriteAsync(p.Lab, NpgsqlDbType.Array | NpgsqlDbType.Real, ct);
                        await copy.WriteAsync(p.ColorName, NpgsqlDbType.Text, ct);
                    }
                }
                await copy.CompleteAsync(ct);
            }
            Console.WriteLine($"staged {products + (merchants - 1) * others} products in {watch.Elapsed.TotalSeconds:0.0} s");
            for (var m = 0; m < merchants; m++)
            {
                var id = merchant + m;
                await Exec(conn, tx, "select set_config('app.tenant_id', $1, true)", ct, id.ToString(CultureInfo.InvariantCulture));
                await Exec(conn, tx, "insert into shopper.merchant_info (merchant_id, display_name) values ($1, $2) on conflict do nothing", ct, id, $"Bench merchant {id}");
                await Exec(conn, tx, """
                    insert into shopper.products (merchant_id, product_id, product_name, handle, product_details, brand, category, sub_category, color, tags,
                        price, price_numeric, gender, image1, text_embedding, text_embedding_model, color_embedding, color_embedding_1, percent_1, color_names, enriched_at)
                    select merchant_id, product_id, product_name, handle, product_details, brand, category, sub_category, color, tags,
                        price, price_numeric, gender, image1, text_embedding, $2, color_embedding, color_embedding, 100, color_names, now()
                    from pg_temp.bench_stage where merchant_id = $1
                    """, ct, id, BenchModel);
            }
            await tx.CommitAsync(ct);
        }
        await using (var analyze = new NpgsqlCommand("analyze shopper.products", conn) { CommandTimeout = 0 })
            await analyze.ExecuteNonQueryAsync(ct);
        Console.WriteLine($"loaded {products} products for merchant {merchant} and {others} for each of {merchants - 1} more in {watch.Elapsed.TotalSeconds:0.0} s");

        if (args.TryGetValue("ndjson", out var file))
        {
            var rows = (int)Arg("ndjson-rows", 100_000);
            await using var w = new StreamWriter(file, false, new UTF8Encoding(false), 1 << 20);
            for (var i = 1; i <= rows; i++)
            {
                var p = Product(rnd, colors, i, "INGEST");
                await w.WriteLineAsync(JsonSerializer.Serialize(new Dictionary<string, object>
                {
                    ["product_id"] = p.Id, ["product_name"] = p.Name, ["handle"] = p.Handle, ["product_details"] = p.Details, ["brand"] = p.Brand,
                    ["category"] = p.Category, ["sub_category"] = p.Sub, ["color"] = p.Color, ["tags"] = p.Tags, ["price"] = p.Price,
                    ["price_numeric"] = p.PriceNumeric, ["gender"] = p.Gender, ["image1"] = p.Image,
                }));
            }
            Console.WriteLine($"wrote {rows} ingest lines to {file}");
        }
        return 0;
    }

    /// <summary>
    /// An earlier run's ingest leaves its rows and a queued enrichment run (fetching 100,000 bench image URLs) behind, which would
    /// load the next run's measurements: the bench merchants' unfinished pipeline jobs are failed and ingested rows removed.
    /// </summary>
    static async Task ResetIngestTargetAsync(NpgsqlConnection conn, long merchant, int merchants, CancellationToken ct)
    {
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var jobs = new NpgsqlCommand("""
            update platform.jobs set status = 'failed', last_error = 'cancelled by shopper-bench-data', finished_at = now(), updated_at = now()
            where type = $1 and status in ('queued', 'running') and tenant_id = any($2)
            """, conn, tx))
        {
            jobs.Parameters.Add(new NpgsqlParameter { Value = Pipeline.Run.Job.Type });
            jobs.Parameters.Add(new NpgsqlParameter { Value = Enumerable.Range(0, merchants).Select(m => (merchant + m).ToString(CultureInfo.InvariantCulture)).ToArray() });
            var n = await jobs.ExecuteNonQueryAsync(ct);
            if (n > 0) Console.WriteLine($"cancelled {n} unfinished bench pipeline job(s)");
        }
        for (var m = 0; m < merchants; m++)
        {
            await Exec(conn, tx, "select set_config('app.tenant_id', $1, true)", ct, (merchant + m).ToString(CultureInfo.InvariantCulture));
            await Exec(conn, tx, "delete from shopper.products where merchant_id = $1 and product_id like 'INGEST-%'", ct, merchant + m);
        }
        await tx.CommitAsync(ct);
    }

    sealed record Generated(string Id, string Name, string Handle, string Details, string Brand, string Category, string Sub, string Color, string ColorName,
        string Tags, string Price, double PriceNumeric, string Gender, string Image, float[] Lab);

    /// <summary>
    /// The model name the bench catalog's vectors carry. They are random unit vectors of the local model's length, not the model's
    /// output: embedding 100,000 rows takes minutes (see <c>embed-bench</c> for that throughput), while the search bench measures
    /// the vector index and scoring cost, which does not depend on the values. Stored as the current model's name so the re-embed
    /// job leaves the bench catalog alone.
    /// </summary>
    internal const string BenchModel = Api.Infrastructure.Integrations.Embeddings.LocalEmbedder.ModelName;

    static float[] BenchVector(Random rnd)
    {
        var v = new float[Api.Infrastructure.Integrations.Embeddings.LocalEmbedder.Dimensions];
        for (var i = 0; i < v.Length; i++) v[i] = (float)(rnd.NextDouble() * 2 - 1);
        Api.Infrastructure.Integrations.Embeddings.TextEmbeddings.Normalize(v);
        return v;
    }

    /// <summary>The embedding texts of <paramref name="n"/> generated bench products (as the pipeline builds them), for <c>embed-bench</c>.</summary>
    internal static List<string> SampleTexts(int n, int seed)
    {
        var rnd = new Random(seed);
        var colors = ColorNames.Select(c => (Name: c, Rgb: Colors.Parse(c) ?? (0, 0, 0))).ToArray();
        return [.. Enumerable.Range(1, n).Select(i => Product(rnd, colors, i, "EMBED"))
            .Select(p => Enrichment.EmbeddingText(p.Name, p.Category, p.Sub, p.Brand, p.Color, p.Tags, p.Details, p.ColorName))];
    }

    static Generated Product(Random rnd, (string Name, (byte R, byte G, byte B) Rgb)[] colors, int i, string prefix)
    {
        var adj = Adjectives[rnd.Next(Adjectives.Length)];
        var material = Materials[rnd.Next(Materials.Length)];
        var item = Items[rnd.Next(Items.Length)];
        var color = colors[rnd.Next(colors.Length)];
        var brand = Brands[rnd.Next(Brands.Length)];
        var gender = Genders[rnd.Next(Genders.Length)];
        var occasion = Occasions[rnd.Next(Occasions.Length)];
        var name = $"{adj} {material} {item.Noun}";
        var price = Math.Round(15 + Math.Pow(rnd.NextDouble(), 2) * 400, 0) - 0.01;
        var lab = Colors.ToLab(color.Rgb.R, color.Rgb.G, color.Rgb.B);
        var id = $"{prefix}-{i:0000000}";
        return new Generated(id, name, $"{QueryText.Slug(name)}-{i}", $"A {adj.ToLowerInvariant()} {item.Noun.ToLowerInvariant()} in {color.Name} {material.ToLowerInvariant()}, made for {occasion}.",
            brand, item.Category, item.Sub, color.Name, Colors.NearestName(lab), $"{material.ToLowerInvariant()},{occasion},{item.Sub}",
            price.ToString("0.00", CultureInfo.InvariantCulture), price, gender, $"https://cdn.example.com/bench/{id}.jpg", lab.ToArray());
    }

    static async Task Exec(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, CancellationToken ct, params object[] args)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx) { CommandTimeout = 0 };
        foreach (var a in args) cmd.Parameters.Add(new NpgsqlParameter { Value = a });
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
