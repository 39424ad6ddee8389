using System.Diagnostics;
using Api.Infrastructure.Cli;
using Api.Infrastructure.Database;
using Api.Infrastructure.Security;
using Npgsql;
using NpgsqlTypes;

namespace Api.Features.AdPriority.Bench.GenerateBenchData;

/// <summary>
/// <c>adpriority-bench-data --products 2500 --variants 20000 --rules 80</c>: the shop <see cref="Shop"/> (growth plan) with products
/// over 40 product types, variants (about 1 in 12 out of stock), rules (an all-season and a season-specific rule per type pattern,
/// some globs), tag modifiers, the four seasons, and the feed token <see cref="FeedToken"/>; loaded with binary COPY, not scored
/// (the bench times the first full recalculation). A second run on the same database keeps the catalog and clears the
/// tenant's scores, so every bench run times a full recalculation that writes all of them.
/// </summary>
sealed class CliCommand : ICliCommand
{
    public const string Shop = "bench-shop.myshopify.com";
    public static readonly Guid TenantId = Guid.Parse("b3c4d5e6-0000-4000-8000-00000000be4c");
    public const string FeedToken = "bench-feed-token-0123456789abcdef";
    public string Name => "adpriority-bench-data";
    public string Usage => "--products 2500 --variants 20000 --rules 80 [--seed 42]";

    static readonly string[] Depts = ["Men", "Women", "Kids", "Headwear", "Footwear"];
    static readonly string[] Cats = ["Tops-T-Shirts", "Tops-Hoodies & Sweatshirts", "Bottoms-Jeans Pants", "Bottoms-Shorts", "Outerwear-Outerwear Heavy",
                                     "Outerwear-Light Jackets", "Accessories-Bags", "Baseball-Fitted"];
    static readonly string[] Seasons = ["winter", "spring", "summer", "fall"];
    static readonly string[] Tags = ["NAME BRAND", "Sale", "DEAD50", "Streetwear", "Men", "Women", "in-stock", "clearance"];

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyDictionary<string, string> args, CancellationToken ct)
    {
        int Arg(string name, int fallback) => args.TryGetValue(name, out var v) && int.TryParse(v, out var n) && n > 0 ? n : fallback;
        var (productCount, variantCount, ruleCount) = (Arg("products", 2500), Arg("variants", 20000), Arg("rules", 80));
        var rnd = new Random(Arg("seed", 42));
        var db = services.GetRequiredService<Db>();
        var now = DateTime.UtcNow;
        var watch = Stopwatch.StartNew();
        await using var conn = await db.Owner.OpenConnectionAsync(ct);
        await using (var exists = new NpgsqlCommand("select exists (select from adpriority.tenants where id = $1 or shop_domain = $2)", conn))
        {
            exists.Parameters.Add(new NpgsqlParameter { Value = TenantId });
            exists.Parameters.Add(new NpgsqlParameter { Value = Shop });
            if ((bool)(await exists.ExecuteScalarAsync(ct))!)
            {
                // a re-run on the same database: keep the catalog, clear what the bench measures writing (every score), so each
                // run's first full recalculation writes all of them again
                await Exec(conn, null, """
                    delete from adpriority.priority_scores where tenant_id = $1;
                    """, TenantId);
                await Exec(conn, null, """
                    update adpriority.products set priority = null, priority_override = false, priority_calculated_at = null where tenant_id = $1;
                    """, TenantId);
                await Exec(conn, null, "update adpriority.tenants set current_season = null where id = $1", TenantId);
                await Exec(conn, null, "vacuum analyze adpriority.priority_scores, adpriority.products");
                Console.WriteLine($"adpriority bench data already loaded ({Shop}): scores cleared");
                return 0;
            }
        }
        var types = Depts.SelectMany(d => Cats.Select(c => $"{d}-{c}")).ToArray();   // 40 types
        await using var tx = await conn.BeginTransactionAsync(ct);
        await Exec(conn, tx, """
            insert into adpriority.tenants (id, shop_domain, plan_tier, billing_status, timezone, google_sheet_id, sync_frequency)
            values ($1, $2, 'growth', 'active', 'America/New_York', '1BenchSheet', 'manual')
            """, TenantId, Shop);
        await Exec(conn, tx, """
            insert into adpriority.seasons (tenant_id, season, name, start_month, end_month)
            values ($1, 'winter', 'Winter', 11, 2), ($1, 'spring', 'Spring', 3, 4), ($1, 'summer', 'Summer', 5, 8), ($1, 'fall', 'Fall', 9, 10)
            """, TenantId);
        await Exec(conn, tx, "insert into adpriority.tag_modifiers (tenant_id, tag, adjustment, override) values ($1, 'Sale', 1, null), ($1, 'DEAD50', null, 0), ($1, 'clearance', -1, null)", TenantId);
        await Exec(conn, tx, "insert into adpriority.feed_tokens (tenant_id, token_hash, token_prefix) values ($1, $2, 'bench-fee')", TenantId, Hashing.HashApiKey(FeedToken));

        // rules: per pattern an all-season rule and one season-specific rule; every 5th pattern a glob over the department
        var patterns = types.Select((t, i) => i % 5 == 0 ? t[..t.IndexOf('-', StringComparison.Ordinal)] + "-*" + t[(t.LastIndexOf('-') + 1)..] : t[(t.IndexOf('-', StringComparison.Ordinal) + 1)..])
            .Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        await using (var imp = await conn.BeginBinaryImportAsync("copy adpriority.category_rules (tenant_id, product_type_pattern, season, base_priority, modifiers) from stdin (format binary)", ct))
        {
            for (var r = 0; r < ruleCount; r++)
            {
                var pattern = patterns[r / 2 % patterns.Length] + (r / 2 >= patterns.Length ? $"-{r}" : "");
                await imp.StartRowAsync(ct);
                await imp.WriteAsync(TenantId, NpgsqlDbType.Uuid, ct);
                await imp.WriteAsync(pattern, NpgsqlDbType.Text, ct);
                if (r % 2 == 0) await imp.WriteNullAsync(ct); else await imp.WriteAsync(Seasons[r / 2 % 4], NpgsqlDbType.Text, ct);
                await imp.WriteAsync(rnd.Next(1, 6), NpgsqlDbType.Integer, ct);
                await imp.WriteAsync(r % 7 == 0 ? """{"tagAdjustments": {"NAME BRAND": {"adjustment": 1}}}""" : "{}", NpgsqlDbType.Jsonb, ct);
            }
            await imp.CompleteAsync(ct);
        }

        var productIds = new Guid[productCount];
        await using (var imp = await conn.BeginBinaryImportAsync(
            "copy adpriority.products (id, tenant_id, shopify_product_id, title, product_type, vendor, tags, status, shopify_created_at, shopify_updated_at) from stdin (format binary)", ct))
        {
            for (var p = 0; p < productCount; p++)
            {
                productIds[p] = Guid.NewGuid();
                var created = now.AddDays(-(p % 20 == 0 ? rnd.Next(1, 10) : rnd.Next(30, 700)));
                await imp.StartRowAsync(ct);
                await imp.WriteAsync(productIds[p], NpgsqlDbType.Uuid, ct);
                await imp.WriteAsync(TenantId, NpgsqlDbType.Uuid, ct);
                await imp.WriteAsync(9_000_000_000L + p, NpgsqlDbType.Bigint, ct);
                await imp.WriteAsync($"Bench Product {p + 1:00000}", NpgsqlDbType.Text, ct);
                await imp.WriteAsync(types[p % types.Length], NpgsqlDbType.Text, ct);
                await imp.WriteAsync($"Vendor {p % 25}", NpgsqlDbType.Text, ct);
                await imp.WriteAsync(Enumerable.Range(0, rnd.Next(0, 4)).Select(_ => Tags[rnd.Next(Tags.Length)]).Distinct().ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
                await imp.WriteAsync("active", NpgsqlDbType.Text, ct);
                await imp.WriteAsync(created, NpgsqlDbType.TimestampTz, ct);
                await imp.WriteAsync(created, NpgsqlDbType.TimestampTz, ct);
            }
            await imp.CompleteAsync(ct);
        }
        await using (var imp = await conn.BeginBinaryImportAsync(
            "copy adpriority.variants (tenant_id, product_id, shopify_variant_id, title, sku, price, inventory_quantity) from stdin (format binary)", ct))
        {
            for (var v = 0; v < variantCount; v++)
            {
                var p = v % productCount;
                await imp.StartRowAsync(ct);
                await imp.WriteAsync(TenantId, NpgsqlDbType.Uuid, ct);
                await imp.WriteAsync(productIds[p], NpgsqlDbType.Uuid, ct);
                await imp.WriteAsync(90_000_000_000L + v, NpgsqlDbType.Bigint, ct);
                await imp.WriteAsync($"Size {v / productCount + 1}", NpgsqlDbType.Text, ct);
                await imp.WriteAsync($"BENCH-{v:000000}", NpgsqlDbType.Text, ct);
                await imp.WriteAsync(19.99m + v % 50, NpgsqlDbType.Numeric, ct);
                await imp.WriteAsync(v % 12 == 0 ? 0 : rnd.Next(1, 40), NpgsqlDbType.Integer, ct);
            }
            await imp.CompleteAsync(ct);
        }
        await tx.CommitAsync(ct);
        await Exec(conn, null, "analyze adpriority.products, adpriority.variants, adpriority.category_rules");
        Console.WriteLine($"adpriority bench data: {Shop}, {productCount} products, {variantCount} variants, {ruleCount} rules in {watch.ElapsedMilliseconds} ms");
        return 0;
    }

    static async Task Exec(NpgsqlConnection conn, NpgsqlTransaction? tx, string sql, params object[] args)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        foreach (var a in args) cmd.Parameters.Add(new NpgsqlParameter { Value = a });
        await cmd.ExecuteNonQueryAsync();
    }
}
