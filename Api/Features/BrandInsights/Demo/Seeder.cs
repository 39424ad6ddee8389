using System.Security.Cryptography;
using System.Text;
using Api.Infrastructure.Database;
using Api.Infrastructure.Demo;
using Bogus;
using Mediator;
using Npgsql;
using NpgsqlTypes;

namespace Api.Features.BrandInsights.Demo;

/// <summary>
/// A small, realistic market ending today: 11 brands (Raw Garden = <c>cb_12345</c> / <c>raw-garden</c> with the richest
/// history, <c>cb_99999</c> "New Brand" with none), 8 dispensaries, 40 stores in 8 states over 120 days. Stores open and
/// close, some drop a brand and come back, products launch and are discontinued, prices change, stock runs out, and
/// promotions of every documented type come and go; two stores are stale (not crawled for 10 days). Fixed Bogus seed,
/// so the same market every time; idempotent (skipped when cb_12345 exists). Rolled up at the end.
/// </summary>
sealed class Seeder(IServiceScopeFactory scopes, TimeProvider clock) : IDemoSeeder
{
    public string Name => "brand-insights";
    const int HistoryDays = 120;

    static readonly (string Id, string Slug, string Name, string[] Categories)[] Brands =
    [
        ("cb_12345", "raw-garden", "Raw Garden", ["Concentrates", "Vapes"]),
        ("cb_99999", "new-brand", "New Brand", ["Flower"]),
        ("cb_10001", "stiiizy", "Stiiizy", ["Vapes", "Flower"]),
        ("cb_10002", "kiva", "Kiva", ["Edibles"]),
        ("cb_10003", "wyld", "Wyld", ["Edibles"]),
        ("cb_10004", "cookies", "Cookies", ["Flower", "Pre-Rolls"]),
        ("cb_10005", "jeeter", "Jeeter", ["Pre-Rolls"]),
        ("cb_10006", "select", "Select", ["Vapes"]),
        ("cb_10007", "papa-barkley", "Papa & Barkley", ["Topicals", "Tinctures"]),
        ("cb_10008", "heavy-hitters", "Heavy Hitters", ["Vapes", "Concentrates"]),
        ("cb_10009", "lowell-farms", "Lowell Farms", ["Flower", "Pre-Rolls"]),
    ];

    static readonly string[] Dispensaries =
        ["Green Thumb Dispensary", "MedMen", "Harvest House", "The Cannabist", "Planet 13", "Curaleaf", "Sunnyside", "Native Roots"];

    static readonly (string State, string[] Cities)[] Places =
    [
        ("CA", ["Los Angeles", "San Francisco", "San Diego", "Sacramento", "Oakland", "Venice", "Long Beach"]),
        ("CO", ["Denver", "Boulder", "Aurora"]), ("WA", ["Seattle", "Spokane"]), ("NV", ["Las Vegas", "Reno"]),
        ("OR", ["Portland", "Eugene"]), ("MI", ["Detroit", "Ann Arbor"]), ("AZ", ["Phoenix", "Tucson"]), ("MA", ["Boston", "Worcester"]),
    ];

    static readonly string[] Strains =
        ["Slurm OG", "Blue Dream", "OG Kush", "Gelato", "Wedding Cake", "Sour Diesel", "Pineapple Express", "Zkittlez", "Runtz",
         "Gorilla Glue", "Jack Herer", "Granddaddy Purple", "Sunset Sherbet", "Durban Poison", "Mimosa", "Ice Cream Cake"];

    static readonly Dictionary<string, (string Form, string[] Sizes, int BaseCents)> Forms = new()
    {
        ["Concentrates"] = ("Live Resin", ["1g", "2g"], 4000), ["Vapes"] = ("Refined Live Resin Cart", ["0.5g", "1g"], 3500),
        ["Flower"] = ("Flower", ["3.5g", "7g"], 4500), ["Pre-Rolls"] = ("Infused Pre-Roll", ["1g", "5pk"], 2000),
        ["Edibles"] = ("Gummies", ["100mg", "200mg"], 2200), ["Topicals"] = ("Balm", ["50ml"], 5500), ["Tinctures"] = ("Tincture", ["30ml"], 6000),
    };

    static readonly string[] PromoTypes = ["percent_off", "percent_off", "percent_off", "dollar_off", "bogo", "bundle", "set_price", "other"];

    public async Task SeedAsync(Db db, CancellationToken ct)
    {
        await using var conn = await db.Owner.OpenConnectionAsync(ct);
        await using (var exists = new NpgsqlCommand("select exists (select from brandinsights.brands where cannabrands_id = 'cb_12345')", conn))
            if ((bool)(await exists.ExecuteScalarAsync(ct))!) return;

        var f = new Faker { Random = new Randomizer(DemoData.Seed) };
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var day0 = today.AddDays(-HistoryDays);
        await using var tx = await conn.BeginTransactionAsync(ct);

        var brandIds = new long[Brands.Length];
        for (var i = 0; i < Brands.Length; i++)
            brandIds[i] = await Scalar(conn, tx, "insert into brandinsights.brands (cannabrands_id, cannabrands_slug, name) values ($1, $2, $3) returning id",
                ct, Brands[i].Id, Brands[i].Slug, Brands[i].Name);
        var dispensaryIds = new long[Dispensaries.Length];
        for (var i = 0; i < Dispensaries.Length; i++)
            dispensaryIds[i] = await Scalar(conn, tx, "insert into brandinsights.dispensaries (name) values ($1) returning id", ct, Dispensaries[i]);

        // stores: most opened before the history starts; some open during it, some close, two are stale
        var stores = new List<Store>();
        var slugs = new HashSet<string>();
        while (stores.Count < 40)
        {
            var d = f.Random.Int(0, Dispensaries.Length - 1);
            var place = Places[stores.Count < 16 ? 0 : f.Random.Int(0, Places.Length - 1)];
            var city = f.PickRandom(place.Cities);
            var name = $"{Dispensaries[d].Replace(" Dispensary", "")} {city}";
            var slug = Slug(name);
            if (!slugs.Add(slug)) continue;
            var open = f.Random.Bool(0.8f) ? day0.AddDays(-f.Random.Int(30, 400)) : day0.AddDays(f.Random.Int(5, HistoryDays - 3));
            DateOnly? close = f.Random.Bool(0.1f) ? today.AddDays(-f.Random.Int(3, 60)) : null;
            if (close <= open) close = null;
            var stale = close is null && stores.Count is 7 or 23;
            var lastCrawled = close ?? (stale ? today.AddDays(-10) : today);
            var id = await Scalar(conn, tx, """
                insert into brandinsights.stores (dispensary_id, name, slug, city, state, menu_url, last_crawled_on)
                values ($1, $2, $3, $4, $5, $6, $7) returning id
                """, ct, dispensaryIds[d], name, slug, city, place.State, $"https://dutchie.com/dispensary/{slug}", lastCrawled);
            stores.Add(new Store(id, open, close));
        }

        // products per brand (New Brand has products but no store lists them)
        var products = new List<Product>();
        for (var b = 0; b < Brands.Length; b++)
        {
            var count = b == 0 ? 36 : f.Random.Int(8, 18);
            var seen = new HashSet<string>();
            while (seen.Count < count)
            {
                var category = f.PickRandom(Brands[b].Categories);
                var (form, sizes, baseCents) = Forms[category];
                var pname = $"{form} - {f.PickRandom(Strains)}";
                var size = f.PickRandom(sizes);
                if (!seen.Add(pname + "|" + size)) continue;
                var fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{Brands[b].Id}|{pname}|{size}")))[..16].ToLowerInvariant();
                var id = await Scalar(conn, tx, """
                    insert into brandinsights.products (brand_id, fingerprint, name, variant, weight, category)
                    values ($1, $2, $3, $4, $5, $6) returning id
                    """, ct, brandIds[b], fingerprint, pname, size, size, category);
                var launch = f.Random.Bool(0.2f) ? day0.AddDays(f.Random.Int(1, HistoryDays - 5)) : day0.AddDays(-f.Random.Int(1, 300));
                DateOnly? discontinued = f.Random.Bool(0.1f) ? today.AddDays(-f.Random.Int(2, 50)) : null;
                if (discontinued <= launch) discontinued = null;
                var cents = (int)(baseCents * f.Random.Double(0.8, 1.5) / 100) * 100 + 99;
                products.Add(new Product(id, brandIds[b], b, launch, discontinued, cents));
            }
        }

        // listings: walk each carried (store, product) day by day and write one interval per unchanged state
        await using (var importer = await conn.BeginBinaryImportAsync("""
            copy brandinsights.listings (store_id, product_id, brand_id, valid_from, valid_to, price_cents, in_stock, promo_type, discount_percent)
            from stdin (format binary)
            """, ct))
        {
            await WriteListings(importer, f, stores, products, day0, today, ct);
            await importer.CompleteAsync(ct);
        }
        await tx.CommitAsync(ct);

        using var scope = scopes.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new Rollups.RollUpBrands.Command(brandIds), ct);
    }

    static async Task WriteListings(NpgsqlBinaryImporter importer, Faker f, List<Store> stores, List<Product> products,
        DateOnly day0, DateOnly today, CancellationToken ct)
    {
        foreach (var store in stores)
        {
            for (var b = 0; b < Brands.Length; b++)
            {
                if (b == 1 || !f.Random.Bool(b == 0 ? 0.85f : 0.35f)) continue;
                // a store may drop the brand for a while and list it again (reappeared stores)
                (DateOnly From, DateOnly To)? brandGap = f.Random.Bool(b == 0 ? 0.15f : 0.05f)
                    ? (today.AddDays(-f.Random.Int(20, 80)) is var g ? (g, g.AddDays(f.Random.Int(7, 25))) : default)
                    : null;
                var listsFrom = f.Random.Bool(0.85f) ? day0 : day0.AddDays(f.Random.Int(1, HistoryDays - 1));   // the store picks the brand up
                foreach (var p in products.Where(p => p.BrandIndex == b))
                {
                    if (!f.Random.Bool(0.55f)) continue;
                    await WriteListing(importer, f, store, p, brandGap, listsFrom, day0, today, ct);
                }
            }
        }
    }

    static async Task WriteListing(NpgsqlBinaryImporter importer, Faker f, Store store, Product p, (DateOnly From, DateOnly To)? brandGap,
        DateOnly listsFrom, DateOnly day0, DateOnly today, CancellationToken ct)
    {
        var price = (int)(p.Cents * f.Random.Double(0.92, 1.12) / 100) * 100 + 99;
        var inStock = true;
        string? promo = null;
        decimal? discount = null;
        (DateOnly From, DateOnly To)? ownGap = f.Random.Bool(0.08f) ? (today.AddDays(-f.Random.Int(10, 100)) is var g ? (g, g.AddDays(f.Random.Int(3, 15))) : default) : null;
        DateOnly? runStart = null;
        (int Price, bool InStock, string? Promo, decimal? Discount) runState = default;

        for (var day = day0; day <= today; day = day.AddDays(1))
        {
            var listed = day >= store.Open && (store.Close is null || day < store.Close) && day >= p.Launch
                         && (p.Discontinued is null || day < p.Discontinued) && day >= listsFrom
                         && !(brandGap is { } bg && day >= bg.From && day < bg.To)
                         && !(ownGap is { } og && day >= og.From && day < og.To);
            if (listed && runStart is not null)
            {
                // daily chance of a change: price, stock, promotion
                if (f.Random.Bool(0.006f)) price = Math.Max(99, (int)(price * f.Random.Double(0.88, 1.1) / 100) * 100 + 99);
                if (f.Random.Bool(inStock ? 0.02f : 0.2f)) inStock = !inStock;
                if (promo is null && f.Random.Bool(0.01f))
                {
                    promo = f.PickRandom(PromoTypes);
                    discount = promo switch
                    {
                        "percent_off" => f.PickRandom(10m, 15m, 20m, 25m, 30m),
                        "dollar_off" => Math.Round(f.PickRandom(5m, 10m) * 10000m / price, 2),
                        "set_price" => f.PickRandom(10m, 20m),
                        _ => null,
                    };
                }
                else if (promo is not null && f.Random.Bool(0.1f)) (promo, discount) = (null, null);
            }
            var state = (price, inStock, promo, discount);
            if (runStart is { } start && (!listed || state != runState))
            {
                await Write(importer, store.Id, p, start, day, runState, ct);
                runStart = null;
            }
            if (listed && runStart is null) (runStart, runState) = (day, state);
        }
        if (runStart is { } open) await Write(importer, store.Id, p, open, null, runState, ct);
    }

    static async Task Write(NpgsqlBinaryImporter importer, long storeId, Product p, DateOnly from, DateOnly? to,
        (int Price, bool InStock, string? Promo, decimal? Discount) s, CancellationToken ct)
    {
        await importer.StartRowAsync(ct);
        await importer.WriteAsync(storeId, NpgsqlDbType.Bigint, ct);
        await importer.WriteAsync(p.Id, NpgsqlDbType.Bigint, ct);
        await importer.WriteAsync(p.BrandId, NpgsqlDbType.Bigint, ct);
        await importer.WriteAsync(from, NpgsqlDbType.Date, ct);
        if (to is { } t) await importer.WriteAsync(t, NpgsqlDbType.Date, ct); else await importer.WriteNullAsync(ct);
        await importer.WriteAsync(s.Price, NpgsqlDbType.Integer, ct);
        await importer.WriteAsync(s.InStock, NpgsqlDbType.Boolean, ct);
        if (s.Promo is { } promo) await importer.WriteAsync(promo, NpgsqlDbType.Text, ct); else await importer.WriteNullAsync(ct);
        if (s.Discount is { } d) await importer.WriteAsync(d, NpgsqlDbType.Numeric, ct); else await importer.WriteNullAsync(ct);
    }

    static async Task<long> Scalar(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, CancellationToken ct, params object[] args)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        foreach (var a in args) cmd.Parameters.Add(new NpgsqlParameter { Value = a });
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }

    static string Slug(string s) =>
        string.Join('-', new string(s.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));

    sealed record Store(long Id, DateOnly Open, DateOnly? Close);
    sealed record Product(long Id, long BrandId, int BrandIndex, DateOnly Launch, DateOnly? Discontinued, int Cents);
}
