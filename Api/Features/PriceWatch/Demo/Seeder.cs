using Api.Infrastructure.Database;
using Api.Infrastructure.Demo;
using Bogus;
using Npgsql;

namespace Api.Features.PriceWatch.Demo;

/// <summary>
/// Two workspaces: Acme Packaging (pro plan; owner, admin, member and viewer; three competitors with scraped products and
/// price history, its own catalog, matches, sessions, alerts, a schedule and the packaging profile) and Globex (free plan),
/// a super admin without a workspace (the Acme owner is a super admin as well, for the samples) and a newcomer with a pending invitation to Acme. Fixed ids; idempotent.
/// </summary>
sealed class Seeder(IConfiguration config, IHostEnvironment env) : IDemoSeeder
{
    /// <summary>
    /// A demo competitor's address: with the sandbox on, one of its storefronts (Shopify <c>/stores/shop/{slug}</c> or JSON-LD
    /// <c>/stores/ld/{slug}/catalog</c>) whose prices move, so scrapes work and raise alerts; else a placeholder <c>.example</c> host.
    /// </summary>
    string CompetitorUrl(string slug, bool generic) =>
        Api.Infrastructure.Integrations.Sandbox.Sandbox.ActiveUrl(config, env) is { } sandbox
            ? sandbox + (generic ? $"/stores/ld/{slug}/catalog" : $"/stores/shop/{slug}")
            : $"https://{slug}.example";

    public static readonly Guid AcmeTenant = Guid.Parse("7a11ce00-0000-4000-8000-00000000a001");
    public static readonly Guid GlobexTenant = Guid.Parse("7a11ce00-0000-4000-8000-00000000b001");
    public static readonly Guid NewcomerInvitation = Guid.Parse("7a11ce00-0000-4000-8000-00000000e001");
    public static readonly Guid PendingInvitation = Guid.Parse("7a11ce00-0000-4000-8000-00000000e002");
    public static readonly Guid ScrapeSession = Guid.Parse("7a11ce00-0000-4000-8000-00000000f001");
    public static readonly Guid SyncSession = Guid.Parse("7a11ce00-0000-4000-8000-00000000f002");
    public static readonly Guid MatchSession = Guid.Parse("7a11ce00-0000-4000-8000-00000000f003");
    public static readonly Guid ValidateSession = Guid.Parse("7a11ce00-0000-4000-8000-00000000f004");
    public static readonly Guid[] AcmeCompetitors =
    [
        Guid.Parse("7a11ce00-0000-4000-8000-00000000c001"), Guid.Parse("7a11ce00-0000-4000-8000-00000000c002"),
        Guid.Parse("7a11ce00-0000-4000-8000-00000000c003"),
    ];
    public static readonly Guid GlobexCompetitor = Guid.Parse("7a11ce00-0000-4000-8000-00000000c101");

    public static readonly IReadOnlyDictionary<string, Guid> Users = new Dictionary<string, Guid>
    {
        ["owner@acme.demo"] = Guid.Parse("7a11ce00-0000-4000-8000-0000000000a1"),
        ["admin@acme.demo"] = Guid.Parse("7a11ce00-0000-4000-8000-0000000000a2"),
        ["member@acme.demo"] = Guid.Parse("7a11ce00-0000-4000-8000-0000000000a3"),
        ["viewer@acme.demo"] = Guid.Parse("7a11ce00-0000-4000-8000-0000000000a4"),
        ["owner@globex.demo"] = Guid.Parse("7a11ce00-0000-4000-8000-0000000000b1"),
        ["ops@pricewatch.demo"] = Guid.Parse("7a11ce00-0000-4000-8000-0000000000c1"),
        ["newcomer@acme.demo"] = Guid.Parse("7a11ce00-0000-4000-8000-0000000000d1"),
    };

    public string Name => "pricewatch";

    static readonly string[] Kinds = ["Mylar Bag", "Stand Up Pouch", "Glass Jar", "Child Resistant Jar", "Pop Top Tube", "Dropper Bottle", "Kraft Box", "Tin"];
    static readonly string[] Sizes = ["4x5", "4x6", "6x9", "1/8oz", "1oz", "2oz", "4oz", "30 dram"];
    static readonly string[] Colors = ["Clear", "Black", "White", "Amber", "Gold", "Matte Black", "Frosted"];
    static readonly string[] Packs = ["", " - 12-pack", " (Pack of 50)", " Case of 100", " 25 ct", ""];

    public async Task SeedAsync(Db db, CancellationToken ct)
    {
        var faker = new Faker { Random = new Randomizer(DemoData.Seed) };
        await using var conn = await db.Owner.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        async Task Exec(string sql, params object?[] args)
        {
            await using var cmd = new NpgsqlCommand(sql, conn, tx);
            foreach (var a in args) cmd.Parameters.Add(a is null ? new NpgsqlParameter { Value = DBNull.Value } : new NpgsqlParameter { Value = a });
            await cmd.ExecuteNonQueryAsync(ct);
        }
        async Task Tenant(Guid t) => await Exec("select set_config('app.tenant_id', $1, true)", t.ToString());

        await Exec("""
            insert into pricewatch.tenants (id, name, slug) values ($1, 'Acme Packaging', 'acme-packaging'), ($2, 'Globex Containers', 'globex')
            on conflict do nothing
            """, AcmeTenant, GlobexTenant);
        foreach (var (email, id) in Users)
            await Exec("insert into pricewatch.users (id, email) values ($1, $2) on conflict do nothing", id, email);
        // ops@ is the platform's super admin; the Acme owner is one too in the demo, so one token exercises every sample
        await Exec("insert into pricewatch.super_admins (user_id) values ($1), ($2) on conflict do nothing", Users["ops@pricewatch.demo"], Users["owner@acme.demo"]);

        // Acme
        await Tenant(AcmeTenant);
        foreach (var (email, role) in new[] { ("owner@acme.demo", "owner"), ("admin@acme.demo", "admin"), ("member@acme.demo", "member"), ("viewer@acme.demo", "viewer") })
            await Exec("insert into pricewatch.user_tenants (user_id, tenant_id, role) values ($1, $2, $3) on conflict do nothing", Users[email], AcmeTenant, role);
        await Exec("""
            insert into pricewatch.subscriptions (tenant_id, plan_id, status, stripe_customer_id, stripe_subscription_id, current_period_end)
            values ($1, 'pro', 'active', 'cus_demo_acme', 'sub_demo_acme', now() + interval '20 days') on conflict do nothing
            """, AcmeTenant);
        await Exec("""
            insert into pricewatch.team_invitations (id, tenant_id, email, role, invited_by) values
              ($1, $3, 'newcomer@acme.demo', 'member', $4), ($2, $3, 'designer@acme.demo', 'viewer', $4)
            on conflict do nothing
            """, NewcomerInvitation, PendingInvitation, AcmeTenant, Users["owner@acme.demo"]);
        await Exec("""
            insert into pricewatch.industry_profiles (tenant_id, industry_slug, industry_name, categories, scoring_config, search_terms,
                size_equivalences, hard_block_rules, specialty_brands, unit_types, ai_extraction_categories, ai_matching_rules, use_new_matcher)
            select $1, slug, name, categories, scoring_config, search_terms, size_equivalences, hard_block_rules, specialty_brands,
                   unit_types, ai_extraction_categories, ai_matching_rules, use_new_matcher
              from pricewatch.industry_templates where slug = 'packaging'
            on conflict do nothing
            """, AcmeTenant);
        await Exec("insert into pricewatch.alert_configs (tenant_id, threshold_percent, recipients) values ($1, 5, array['owner@acme.demo']) on conflict do nothing", AcmeTenant);
        await Exec("insert into pricewatch.scrape_schedules (tenant_id, enabled, interval_hours, next_run_at) values ($1, true, 24, now() + interval '1 day') on conflict do nothing", AcmeTenant);
        string[] names = ["PackRight Supply", "JarWorld", "BagBarn"];
        for (var i = 0; i < 3; i++)
            await Exec("insert into pricewatch.competitors (id, tenant_id, name, url, platform, last_scraped_at) values ($1, $2, $3, $4, $5, now() - interval '1 day') on conflict (id) do update set url = excluded.url",
                AcmeCompetitors[i], AcmeTenant, names[i], CompetitorUrl(names[i].ToLowerInvariant().Replace(" ", ""), i == 1), i == 1 ? "generic" : "shopify");

        var own = new List<(Guid Id, string Title, decimal Price)>();
        for (var i = 0; i < 24; i++)
        {
            var title = $"{faker.PickRandom(Colors)} {Kinds[i % Kinds.Length]} {Sizes[(i / 3) % Sizes.Length]}";
            var price = Math.Round(faker.Random.Decimal(4, 60), 2);
            var id = DemoId('b', i);
            own.Add((id, title, price));
            await Exec("""
                insert into pricewatch.brand_products (id, tenant_id, shopify_product_id, shopify_variant_id, title, variant_title, sku, vendor, product_type, price, ppu)
                values ($1, $2, $3, $4, $5, $6, $7, 'Acme', $8, $9, $9) on conflict do nothing
                """, id, AcmeTenant, $"{7000 + i}", $"{9000 + i}", title, faker.PickRandom(Packs).Trim(' ', '-') is { Length: > 0 } v ? v : null,
                $"ACME-{i:000}", Kinds[i % Kinds.Length], price);
        }
        for (var i = 0; i < 60; i++)
        {
            var comp = AcmeCompetitors[i % 3];
            var basis = own[i % own.Count];
            var name = faker.Random.Bool(0.7f) ? basis.Title + faker.PickRandom(Packs) : $"{faker.PickRandom(Colors)} {faker.PickRandom(Kinds)} {faker.PickRandom(Sizes)}";
            var price = Math.Round(basis.Price * faker.Random.Decimal(0.8m, 1.2m), 2);
            var id = DemoId('p', i);
            await Exec("""
                insert into pricewatch.product_tracking (id, tenant_id, competitor_id, external_id, product_name, url, sku, vendor, product_type, price, in_stock, ppu)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, true, $10) on conflict do nothing
                """, id, AcmeTenant, comp, $"{40000 + i}", name, $"https://example.test/products/{40000 + i}", $"C-{i:000}", faker.Company.CompanyName(), "Packaging", price);
            await Exec("insert into pricewatch.price_history (tenant_id, product_id, price, recorded_at) select $1, $2, $3, now() - interval '2 days' where not exists (select 1 from pricewatch.price_history where product_id = $2)",
                AcmeTenant, id, Math.Round(price * faker.Random.Decimal(0.85m, 1.1m), 2));
            await Exec("insert into pricewatch.price_history (tenant_id, product_id, price, recorded_at) select $1, $2, $3, now() - interval '1 day' where (select count(*) from pricewatch.price_history where product_id = $2) = 1",
                AcmeTenant, id, price);
            if (i < 24 && name.StartsWith(basis.Title, StringComparison.Ordinal))
                await Exec("insert into pricewatch.product_matches (tenant_id, brand_product_id, product_tracking_id, competitor_id, confidence, method, session_id) values ($1, $2, $3, $4, $5, 'fuzzy', $6) on conflict do nothing",
                    AcmeTenant, basis.Id, id, comp, Math.Round(faker.Random.Decimal(70, 98), 2), MatchSession);
        }
        await Exec("""
            insert into pricewatch.scrape_sessions (id, tenant_id, status, total_targets, completed_targets, successful_scrapes, failed_scrapes, total_products, started_at, completed_at)
            values ($1, $2, 'completed', 3, 3, 2, 1, 60, now() - interval '1 day', now() - interval '1 day' + interval '95 seconds') on conflict do nothing
            """, ScrapeSession, AcmeTenant);
        await Exec("""
            insert into pricewatch.scrape_logs (tenant_id, session_id, competitor_id, status, platform, products_found, attempts, duration_ms, error_message)
            select $1, $2, c, s, p, n, a, d, e from (values ($3::uuid, 'success', 'shopify', 20, 1, 4100, null::text), ($4::uuid, 'failed', 'generic', 0, 2, 30500, 'TimeoutException: GET https://jarworld.example timed out'),
                   ($5::uuid, 'success', 'shopify', 20, 1, 3900, null)) v(c, s, p, n, a, d, e)
            where not exists (select 1 from pricewatch.scrape_logs where session_id = $2)
            """, AcmeTenant, ScrapeSession, AcmeCompetitors[0], AcmeCompetitors[1], AcmeCompetitors[2]);
        await Exec("""
            insert into pricewatch.sync_sessions (id, tenant_id, status, shop_url, credential_source, total_products, products_synced, started_at, completed_at)
            values ($1, $2, 'completed', 'acme-packaging.myshopify.com', 'stored', 24, 24, now() - interval '2 days', now() - interval '2 days' + interval '12 seconds') on conflict do nothing
            """, SyncSession, AcmeTenant);
        await Exec("""
            insert into pricewatch.matching_sessions (id, tenant_id, kind, method, status, total_products, processed, matches_found, engine, started_at, completed_at)
            values ($1, $2, 'match', 'fuzzy', 'completed', 24, 24, 14, 'fuzzy token-set matcher (local)', now() - interval '20 hours', now() - interval '20 hours' + interval '3 seconds')
            on conflict do nothing
            """, MatchSession, AcmeTenant);
        await Exec("""
            insert into pricewatch.matching_sessions (id, tenant_id, kind, method, status, total_products, processed, engine, validation_report, started_at, completed_at)
            values ($1, $2, 'validate', 'fuzzy', 'completed', 2, 2, 'old: token-set ratio; new: profile-aware matcher',
              '{"summary": {"total": 2, "both_match_same": 1, "both_match_different": 0, "old_only": 1, "new_only": 0, "both_nomatch": 0},
                "products": [{"brand_product": "Clear Mylar Bag 4x5", "verdict": "both_match_same", "old_match": {"name": "Clear Mylar Bag 4x5 - 12-pack", "confidence": 90}, "new_match": {"name": "Clear Mylar Bag 4x5 - 12-pack", "confidence": 94}},
                             {"brand_product": "Amber Glass Jar 2oz", "verdict": "old_only", "old_match": {"name": "Amber Plastic Jar 2oz", "confidence": 81}, "new_match": null}]}'::jsonb,
              now() - interval '19 hours', now() - interval '19 hours' + interval '2 seconds')
            on conflict do nothing
            """, ValidateSession, AcmeTenant);
        await Exec("""
            insert into pricewatch.alert_history (tenant_id, product_tracking_id, competitor_id, product_name, competitor_name, old_price, new_price, change_percent, direction, notified, created_at)
            select $1, $2, $3, 'Demo alert: ' || product_name, 'PackRight Supply', 20.00, 17.50, -12.5, 'down', true, now() - interval '1 day'
              from pricewatch.product_tracking where id = $2 and not exists (select 1 from pricewatch.alert_history where tenant_id = $1)
            """, AcmeTenant, DemoId('p', 0), AcmeCompetitors[0]);

        // Globex
        await Tenant(GlobexTenant);
        await Exec("insert into pricewatch.user_tenants (user_id, tenant_id, role) values ($1, $2, 'owner') on conflict do nothing", Users["owner@globex.demo"], GlobexTenant);
        await Exec("insert into pricewatch.subscriptions (tenant_id, plan_id, status) values ($1, 'free', 'active') on conflict do nothing", GlobexTenant);
        await Exec("insert into pricewatch.competitors (id, tenant_id, name, url, platform) values ($1, $2, 'Initech Jars', $3, 'shopify') on conflict (id) do update set url = excluded.url",
            GlobexCompetitor, GlobexTenant, CompetitorUrl("initech", false));
        for (var i = 0; i < 5; i++)
            await Exec("insert into pricewatch.product_tracking (tenant_id, competitor_id, external_id, product_name, price) values ($1, $2, $3, $4, $5) on conflict do nothing",
                GlobexTenant, GlobexCompetitor, $"g{i}", $"Globex secret product {i}", 10m + i);
        await tx.CommitAsync(ct);
    }

    static Guid DemoId(char kind, int i) => Guid.Parse($"7a11ce00-0000-4000-8{(kind == 'b' ? "001" : "002")}-{i:000000000000}");
}
