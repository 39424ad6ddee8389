using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Api.Infrastructure.Cli;
using Api.Infrastructure.Database;
using Mediator;
using Npgsql;
using NpgsqlTypes;

namespace Api.Features.BrandInsights.Bench.GenerateBenchData;

/// <summary>
/// <c>brand-insights-bench-data --stores 1500 --brands 300 --products 30000 --days 180 [--listings-per-store 600]</c>:
/// a synthetic market for the benchmark, loaded with binary COPY and rolled up. Brand sizes and reach follow a power
/// law, so brand <c>cb_b00001</c> is the largest. Event times are drawn geometrically (no day-by-day loop). With
/// <c>--ndjson FILE</c> it also writes today's full crawl (every open listing as one ingest line) for the ingest bench.
/// Refuses to run twice on one database (bench brands exist).
/// </summary>
sealed class CliCommand : ICliCommand
{
    public string Name => "brand-insights-bench-data";
    public string Usage => "--stores 1500 --brands 300 --products 30000 --days 180 [--listings-per-store 600] [--ndjson crawl.ndjson] [--seed 42]";
    static readonly string[] States = ["CA", "CA", "CA", "CO", "WA", "NV", "OR", "MI", "AZ", "MA", "IL", "NY"];
    static readonly string[] Categories = ["Flower", "Vapes", "Concentrates", "Edibles", "Pre-Rolls", "Tinctures"];
    static readonly string[] Promos = ["percent_off", "percent_off", "dollar_off", "bogo", "bundle", "set_price", "other"];

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyDictionary<string, string> args, CancellationToken ct)
    {
        int Arg(string name, int fallback) => args.TryGetValue(name, out var v) && int.TryParse(v, out var n) && n > 0 ? n : fallback;
        var (storeCount, brandCount, productCount, days) = (Arg("stores", 1500), Arg("brands", 300), Arg("products", 30000), Arg("days", 180));
        var perStore = Arg("listings-per-store", 600);
        var rnd = new Random(Arg("seed", 42));
        var db = services.GetRequiredService<Db>();
        var today = DateOnly.FromDateTime(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var day0 = today.AddDays(-days);
        var watch = Stopwatch.StartNew();

        await using var conn = await db.Owner.OpenConnectionAsync(ct);
        await using (var exists = new NpgsqlCommand("select exists (select from brandinsights.brands where cannabrands_id = 'cb_b00001')", conn))
            if ((bool)(await exists.ExecuteScalarAsync(ct))!) { await Console.Error.WriteLineAsync("bench data already loaded"); return 1; }

        // brands: size ~ 1/rank^0.8, reach (share of stores carrying it) from 0.9 down to 0.03
        var weights = Enumerable.Range(1, brandCount).Select(r => 1 / Math.Pow(r, 0.8)).ToArray();
        var sizes = weights.Select(w => Math.Max(5, (int)(productCount * w / weights.Sum()))).ToArray();
        var reach = Enumerable.Range(0, brandCount).Select(i => Math.Max(0.03, 0.9 / Math.Pow(i + 1, 0.5))).ToArray();
        var brandIds = new long[brandCount];
        var brandKeys = new string[brandCount];
        await using (var tx = await conn.BeginTransactionAsync(ct))
        {
            for (var b = 0; b < brandCount; b++)
            {
                brandKeys[b] = $"cb_b{b + 1:00000}";
                await using var cmd = new NpgsqlCommand("insert into brandinsights.brands (cannabrands_id, cannabrands_slug, name) values ($1, $2, $3) returning id", conn, tx);
                cmd.Parameters.Add(new NpgsqlParameter { Value = brandKeys[b] });
                cmd.Parameters.Add(new NpgsqlParameter { Value = $"bench-brand-{b + 1}" });
                cmd.Parameters.Add(new NpgsqlParameter { Value = $"Bench Brand {b + 1}" });
                brandIds[b] = (long)(await cmd.ExecuteScalarAsync(ct))!;
            }
            await using (var d = new NpgsqlCommand("insert into brandinsights.dispensaries (name) select 'Bench Dispensary ' || g from generate_series(1, $1) g", conn, tx))
            {
                d.Parameters.Add(new NpgsqlParameter { Value = Math.Max(1, storeCount / 5) });
                await d.ExecuteNonQueryAsync(ct);
            }
            await tx.CommitAsync(ct);
        }
        long firstDispensary;
        await using (var q = new NpgsqlCommand("select min(id) from brandinsights.dispensaries where name like 'Bench Dispensary %'", conn))
            firstDispensary = (long)(await q.ExecuteScalarAsync(ct))!;

        var stores = new List<(long Id, string Slug, string Name, string Disp, string City, string State, DateOnly Open, DateOnly? Close)>();
        await using (var imp = await conn.BeginBinaryImportAsync(
            "copy brandinsights.stores (dispensary_id, name, slug, city, state, menu_url, last_crawled_on) from stdin (format binary)", ct))
        {
            for (var s = 1; s <= storeCount; s++)
            {
                var disp = rnd.Next(Math.Max(1, storeCount / 5));
                var state = States[rnd.Next(States.Length)];
                var slug = $"bench-store-{s:00000}";
                var open = rnd.NextDouble() < 0.9 ? day0.AddDays(-rnd.Next(1, 400)) : day0.AddDays(rnd.Next(1, days));
                DateOnly? close = rnd.NextDouble() < 0.05 ? today.AddDays(-rnd.Next(1, days)) : null;
                if (close <= open) close = null;
                var crawled = close ?? (rnd.NextDouble() < 0.02 ? today.AddDays(-10) : today);
                await imp.StartRowAsync(ct);
                imp.Write(firstDispensary + disp, NpgsqlDbType.Bigint);
                imp.Write($"Bench Store {s}", NpgsqlDbType.Text);
                imp.Write(slug, NpgsqlDbType.Text);
                imp.Write($"City {s % 97}", NpgsqlDbType.Text);
                imp.Write(state, NpgsqlDbType.Text);
                imp.Write($"https://dutchie.com/dispensary/{slug}", NpgsqlDbType.Text);
                imp.Write(crawled, NpgsqlDbType.Date);
                stores.Add((0, slug, $"Bench Store {s}", $"Bench Dispensary {disp + 1}", $"City {s % 97}", state, open, close));
            }
            await imp.CompleteAsync(ct);
        }
        var storeIds = new List<long>();
        await using (var q = new NpgsqlCommand("select id from brandinsights.stores where slug like 'bench-store-%' order by slug", conn))
        await using (var r = await q.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) storeIds.Add(r.GetInt64(0));

        var products = new List<(int Brand, string Fingerprint, string Name, string Category, int Cents)>();
        await using (var imp = await conn.BeginBinaryImportAsync(
            "copy brandinsights.products (brand_id, fingerprint, name, variant, weight, category) from stdin (format binary)", ct))
        {
            for (var b = 0; b < brandCount; b++)
                for (var p = 0; p < sizes[b]; p++)
                {
                    var fp = $"bench-{b + 1}-{p + 1}";
                    var cat = Categories[rnd.Next(Categories.Length)];
                    var name = $"{cat} Item {p + 1}";
                    await imp.StartRowAsync(ct);
                    imp.Write(brandIds[b], NpgsqlDbType.Bigint);
                    imp.Write(fp, NpgsqlDbType.Text);
                    imp.Write(name, NpgsqlDbType.Text);
                    imp.Write("1g", NpgsqlDbType.Text);
                    imp.Write("1g", NpgsqlDbType.Text);
                    imp.Write(cat, NpgsqlDbType.Text);
                    products.Add((b, fp, name, cat, rnd.Next(15, 90) * 100 + 99));
                }
            await imp.CompleteAsync(ct);
        }
        var productIds = new Dictionary<string, long>();
        await using (var q = new NpgsqlCommand("select fingerprint, id from brandinsights.products where fingerprint like 'bench-%'", conn))
        await using (var r = await q.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) productIds[r.GetString(0)] = r.GetInt64(1);
        var byBrand = products.GroupBy(p => p.Brand).ToDictionary(g => g.Key, g => g.ToArray());
        var carry = Math.Min(1.0, perStore / Enumerable.Range(0, brandCount).Sum(b => reach[b] * sizes[b]));

        StreamWriter? ndjson = args.TryGetValue("ndjson", out var file) ? new StreamWriter(file, false, new UTF8Encoding(false), 1 << 20) : null;
        long rows = 0, openRows = 0;
        await using (var imp = await conn.BeginBinaryImportAsync("""
            copy brandinsights.listings (store_id, product_id, brand_id, valid_from, valid_to, price_cents, in_stock, promo_type, discount_percent)
            from stdin (format binary)
            """, ct))
        {
            imp.Timeout = TimeSpan.Zero;   // completing a multi-million-row COPY (indexes, foreign keys) takes longer than a query
            for (var s = 0; s < storeCount; s++)
            {
                var st = stores[s];
                for (var b = 0; b < brandCount; b++)
                {
                    if (rnd.NextDouble() >= reach[b]) continue;
                    foreach (var p in byBrand[b])
                    {
                        if (rnd.NextDouble() >= carry) continue;
                        var start = Max(Max(day0, st.Open), rnd.NextDouble() < 0.85 ? day0 : day0.AddDays(rnd.Next(days)));
                        DateOnly? end = st.Close ?? (rnd.NextDouble() < 0.08 ? today.AddDays(-rnd.Next(0, days)) : null);
                        if (end <= start) continue;
                        var price = p.Cents;
                        var inStock = true;
                        string? promo = null;
                        decimal? discount = null;
                        var from = start;
                        while (true)
                        {
                            // the next change: price (1/250 per day), stock (1/300), promotion start (1/200) or end (1/7)
                            var gap = 1 + (int)(-Math.Log(1 - rnd.NextDouble()) / (1.0 / 250 + 1.0 / 300 + (promo is null ? 1.0 / 200 : 1.0 / 7)));
                            var next = from.AddDays(gap);
                            var last = end is { } e && next >= e || next > today;
                            var to = last ? end : next;
                            WriteRow(imp, storeIds[s], productIds[p.Fingerprint], brandIds[b], from, to, price, inStock, promo, discount);
                            rows++;
                            if (last)
                            {
                                if (to is null)
                                {
                                    openRows++;
                                    ndjson?.WriteLine(Line(today, st, brandKeys[b], b, p.Fingerprint, p.Name, p.Category, price, inStock, promo, discount));
                                }
                                break;
                            }
                            var u = rnd.NextDouble() * (1.0 / 250 + 1.0 / 300 + (promo is null ? 1.0 / 200 : 1.0 / 7));
                            if (u < 1.0 / 250) price = Math.Max(99, price + (rnd.Next(2) == 0 ? -200 : 300));
                            else if (u < 1.0 / 250 + 1.0 / 300) inStock = !inStock;
                            else if (promo is null) { promo = Promos[rnd.Next(Promos.Length)]; discount = promo == "percent_off" ? rnd.Next(1, 7) * 5 : null; }
                            else (promo, discount) = (null, null);
                            from = next;
                        }
                    }
                }
            }
            await imp.CompleteAsync(ct);
        }
        if (ndjson is not null) await ndjson.DisposeAsync();
        Console.WriteLine($"loaded {storeCount} stores, {productIds.Count} products, {rows} listing intervals ({openRows} open) in {watch.Elapsed.TotalSeconds:F1} s");

        await using (var analyze = new NpgsqlCommand("analyze brandinsights.listings; analyze brandinsights.products; analyze brandinsights.stores", conn) { CommandTimeout = 0 })
            await analyze.ExecuteNonQueryAsync(ct);
        using var scope = services.CreateScope();
        var rolled = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new Rollups.RollUpBrands.Command(brandIds, BatchSize: 10), ct);
        Console.WriteLine($"rolled up {rolled.Brands} brands in {rolled.Elapsed.TotalSeconds:F1} s; largest brand: {brandKeys[0]}");
        return 0;
    }

    static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    static void WriteRow(NpgsqlBinaryImporter imp, long store, long product, long brand, DateOnly from, DateOnly? to, int price, bool inStock, string? promo, decimal? discount)
    {
        imp.StartRow();
        imp.Write(store, NpgsqlDbType.Bigint);
        imp.Write(product, NpgsqlDbType.Bigint);
        imp.Write(brand, NpgsqlDbType.Bigint);
        imp.Write(from, NpgsqlDbType.Date);
        if (to is { } t) imp.Write(t, NpgsqlDbType.Date); else imp.WriteNull();
        imp.Write(price, NpgsqlDbType.Integer);
        imp.Write(inStock, NpgsqlDbType.Boolean);
        if (promo is null) imp.WriteNull(); else imp.Write(promo, NpgsqlDbType.Text);
        if (discount is { } d) imp.Write(d, NpgsqlDbType.Numeric); else imp.WriteNull();
    }

    static string Line(DateOnly day, (long Id, string Slug, string Name, string Disp, string City, string State, DateOnly Open, DateOnly? Close) st,
        string brandKey, int brand, string fingerprint, string name, string category, int price, bool inStock, string? promo, decimal? discount) =>
        new JsonObject
        {
            ["crawl_id"] = "bench-" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["observed_on"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["store_slug"] = st.Slug, ["store_name"] = st.Name, ["dispensary"] = st.Disp, ["city"] = st.City, ["state"] = st.State,
            ["menu_url"] = $"https://dutchie.com/dispensary/{st.Slug}", ["brand_id"] = brandKey, ["brand_name"] = $"Bench Brand {brand + 1}",
            ["fingerprint"] = fingerprint, ["product_name"] = name, ["variant"] = "1g", ["weight"] = "1g", ["category"] = category,
            ["price_cents"] = price, ["in_stock"] = inStock, ["promo_type"] = promo, ["discount_percent"] = discount,
        }.ToJsonString();
}
