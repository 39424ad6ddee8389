using Api.Infrastructure.Cli;
using Api.Infrastructure.Database;
using Npgsql;

namespace Api.Features.PriceWatch.Demo;

/// <summary>
/// <c>pricewatch-bench --own 2000 --competitors 20000 --history 200000 --store-url http://127.0.0.1:18731</c>: (re)creates the
/// bench workspace (enterprise plan, owner <see cref="User"/>) with own products, competitor products spread over five
/// competitors, price history rows for the export benchmark, and one Shopify competitor at <c>--store-url</c>.
/// Rows are generated inside PostgreSQL (generate_series) from a packaging vocabulary, so names overlap realistically.
/// </summary>
sealed class BenchData : ICliCommand
{
    public static readonly Guid Tenant = Guid.Parse("7a11ce00-0000-4000-8000-0000000be001");
    public static readonly Guid User = Guid.Parse("7a11ce00-0000-4000-8000-0000000be0a1");
    public static readonly Guid StoreCompetitor = Guid.Parse("7a11ce00-0000-4000-8000-0000000be0c0");
    public string Name => "pricewatch-bench";
    public string Usage => "--own 2000 --competitors 20000 --history 200000 --store-url http://127.0.0.1:18731";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyDictionary<string, string> args, CancellationToken ct)
    {
        int Arg(string name, int fallback) => args.TryGetValue(name, out var v) && int.TryParse(v, out var n) ? n : fallback;
        var own = Arg("own", 2000);
        var theirs = Arg("competitors", 20000);
        var history = Arg("history", 200000);
        var store = args.TryGetValue("store-url", out var s) ? s : "http://127.0.0.1:18731";
        var db = services.GetRequiredService<Db>();
        await using var conn = await db.Owner.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        async Task Exec(string sql, params object[] p)
        {
            await using var cmd = new NpgsqlCommand(sql, conn, tx) { CommandTimeout = 600 };
            foreach (var x in p) cmd.Parameters.Add(new NpgsqlParameter { Value = x });
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await Exec("select set_config('app.tenant_id', $1, true)", Tenant.ToString());
        await Exec("delete from pricewatch.tenants where id = $1", Tenant);
        await Exec("insert into pricewatch.users (id, email) values ($1, 'bench@pricewatch.demo') on conflict do nothing", User);
        await Exec("insert into pricewatch.tenants (id, name, slug) values ($1, 'Bench Packaging', 'bench-packaging')", Tenant);
        await Exec("insert into pricewatch.user_tenants (user_id, tenant_id, role) values ($1, $2, 'owner')", User, Tenant);
        await Exec("insert into pricewatch.subscriptions (tenant_id, plan_id) values ($1, 'enterprise')", Tenant);
        await Exec("""
            insert into pricewatch.industry_profiles (tenant_id, industry_slug, industry_name, categories, scoring_config, search_terms, size_equivalences,
                hard_block_rules, specialty_brands, unit_types, ai_extraction_categories, ai_matching_rules, use_new_matcher)
            select $1, slug, name, categories, scoring_config, search_terms, size_equivalences, hard_block_rules, specialty_brands, unit_types,
                   ai_extraction_categories, ai_matching_rules, use_new_matcher from pricewatch.industry_templates where slug = 'packaging'
            """, Tenant);
        await Exec("""
            insert into pricewatch.competitors (id, tenant_id, name, url, platform)
            select ('7a11ce00-0000-4000-8000-0000000be0c' || g)::uuid, $1, 'Bench rival ' || g, 'https://rival' || g || '.bench.example', 'shopify'
              from generate_series(1, 5) g
            """, Tenant);
        await Exec("insert into pricewatch.competitors (id, tenant_id, name, url, platform) values ($1, $2, 'Bench Shopify store', $3, 'shopify')",
            StoreCompetitor, Tenant, store);
        const string Name = """
            (array['Clear','Black','White','Amber','Gold','Frosted','Matte Black','Kraft','Silver'])[1 + g % 9] || ' ' ||
            (array['Mylar Bag','Stand Up Pouch','Glass Jar','Plastic Jar','Pop Top Tube','Dropper Bottle','Kraft Box','Tin','Mailer Box','Pre-Roll Tube','Boston Round Bottle','Lid'])[1 + (g / 9) % 12] || ' ' ||
            (array['4x5','4 x 6','6x9','1/8 oz','1oz','2 oz','4oz','8oz','30 dram','60ml','3.5g','116mm'])[1 + (g / 108) % 12] ||
            (array['','',' - 12-pack',' (Pack of 50)',' Case of 100',' 25 ct'])[1 + (g / 1296) % 6] || ' ' || (array['','Child Resistant ','Premium ','Wholesale ','Eco '])[1 + (g / 7) % 5] || 'V' || (g % 211)
            """;
        await Exec($"""
            insert into pricewatch.brand_products (tenant_id, shopify_product_id, shopify_variant_id, title, price)
            select $1, 'p' || g, 'v' || g, {Name}, round((2 + (g % 97) * 0.37)::numeric, 2) from generate_series(1, $2) g
            """, Tenant, own);
        await Exec($"""
            insert into pricewatch.product_tracking (tenant_id, competitor_id, external_id, product_name, price)
            select $1, ('7a11ce00-0000-4000-8000-0000000be0c' || (1 + g % 5))::uuid, 'x' || g, {Name.Replace("g % 211", "(g * 7) % 223")},
                   round((2 + (g % 89) * 0.41)::numeric, 2)
              from generate_series(1, $2) g
            """, Tenant, theirs);
        await Exec("""
            insert into pricewatch.price_history (tenant_id, product_id, price, recorded_at)
            select $1, p.id, p.price + (g % 7) * 0.1, now() - (g % 365) * interval '1 day'
              from (select id, price, row_number() over (order by id) as rn from pricewatch.product_tracking where tenant_id = $1) p
              join generate_series(1, $2) g on p.rn = 1 + g % $3
            """, Tenant, history, Math.Max(1, theirs));
        await tx.CommitAsync(ct);
        Console.WriteLine($"bench tenant {Tenant}: {own} own products, {theirs} competitor products, {history} price history rows, store {store}");
        return 0;
    }
}
