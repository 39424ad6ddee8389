using Api.Infrastructure.Auth;
using System.Globalization;
using System.Text.Json;
using Api.Features.AdPriority.Scoring;
using Api.Infrastructure.Database;
using Api.Infrastructure.Demo;
using Api.Infrastructure.Security;
using Api.Infrastructure.Tenancy;
using Bogus;
using LinqToDB.Data;

namespace Api.Features.AdPriority.Demo;

/// <summary>
/// The demo shop <see cref="Shop"/> (growth plan) with 40 products and their variants, category rules, the four seasons with
/// category overrides, tag modifiers, two sync logs and a known feed token, then scored. Fixed ids; skipped when present.
/// </summary>
sealed class Seeder(SecretBox box, IConfiguration config, IHostEnvironment env, Secrets secrets) : IDemoSeeder
{
    public const string Shop = "demo-shop.myshopify.com";
    public static readonly Guid TenantId = Guid.Parse("a1b2c3d4-e5f6-7890-abcd-ef1234567890");
    /// <summary>Demo-only feed secret so the .http samples can fetch the CSV feed.</summary>
    public const string FeedToken = "demo-feed-token-0123456789abcdef";
    public string Name => "adpriority";

    public static Guid ProductId(int n) => Id(0, n);
    public static Guid VariantId(int n) => Id(1, n);
    public static Guid RuleId(int n) => Id(2, n);
    public static Guid SeasonId(int n) => Id(3, n);
    static Guid Id(int kind, int n) => Guid.Parse(string.Create(CultureInfo.InvariantCulture, $"a1b2c3d4-{kind:0000}-4000-8000-{n:000000000000}"));

    static readonly (string Type, string[] Titles)[] Catalog =
    [
        ("Men-Bottoms-Jeans Pants", ["Stacked Jeans", "Slim Denim", "Cargo Pants", "Carpenter Jeans"]),
        ("Men-Outerwear-Outerwear Heavy", ["Puffer Jacket", "Parka", "Shearling Coat"]),
        ("Men-Tops-Hoodies & Sweatshirts", ["Pullover Hoodie", "Zip Hoodie", "Crewneck Sweatshirt"]),
        ("Men-Tops-T-Shirts", ["Graphic Tee", "Heavyweight Tee", "Pocket Tee"]),
        ("Men-Bottoms-Shorts", ["Mesh Shorts", "Denim Shorts", "Cargo Shorts"]),
        ("Headwear-Baseball-Fitted", ["59FIFTY Fitted", "Snapback", "Dad Hat"]),
        ("Footwear-Sandals", ["Slides", "Sport Sandals"]),
        ("Accessories-Bags", ["Crossbody Bag", "Backpack"]),
    ];

    /// <summary>With the Shopify sandbox on, the token it issues for the demo shop (so syncs work); else a placeholder.</summary>
    string DemoToken(Faker faker)
    {
        var placeholder = "shpat_demo_" + faker.Random.AlphaNumeric(24);
        return Api.Infrastructure.Integrations.Sandbox.Sandbox.IsOn(config, env) && config["Integrations:Shopify:BaseUrl"]?.Contains("/shopify/{shop}", StringComparison.Ordinal) == true
            ? Api.Infrastructure.Integrations.Sandbox.ShopifySandbox.TokenFor(secrets.Get(AdPriorityAuth.ApiSecretSetting), Shop)
            : placeholder;
    }

    public async Task SeedAsync(Db db, CancellationToken ct)
    {
        var tenant = new TenantContext(new HttpContextAccessor());
        tenant.Set(TenantId.ToString());
        await using var app = new AppDb(db, tenant);
        if (await app.ExecuteAsync<bool>("select exists (select from adpriority.tenants where id = @TenantId or shop_domain = @Shop)", new { TenantId, Shop }, ct))
            return;

        var faker = new Faker { Random = new Randomizer(DemoData.Seed) };
        var now = DateTime.UtcNow;
        await using var tx = await app.BeginTenantAsync(ct);
        await app.ExecuteAsync("""
            insert into adpriority.tenants (id, shop_domain, access_token_enc, scopes, plan_tier, billing_status, billing_activated_at, timezone,
                                            gmc_merchant_id, google_sheet_id, installed_at, last_sheet_sync_at)
            values (@TenantId, @Shop, @Token, 'read_products,read_inventory', 'growth', 'active', @Activated, 'America/New_York',
                    '123456789', '1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgVE2upms', @Activated, @LastSheet)
            """, new { TenantId, Shop, Token = box.Encrypt(DemoToken(faker), Tenant.TokenAssociatedData(TenantId)),
                       Activated = now.AddDays(-30), LastSheet = now.AddHours(-3) }, ct);
        await app.ExecuteAsync("""
            insert into adpriority.subscriptions (tenant_id, charge_id, plan, price, trial_days, status, activated_at)
            values (@TenantId, 1029266947, 'growth', 79.00, 14, 'active', @Activated)
            """, new { TenantId, Activated = now.AddDays(-30) }, ct);

        var tagPool = new[] { "NAME BRAND", "Men", "Sale", "in-stock", "DEAD50", "Streetwear" };
        var vendors = new[] { "Jordan Craig", "New Era", "Pro Club", "Essentials", "Smoke Rise" };
        int p = 0, v = 0;
        foreach (var (type, titles) in Catalog)
            for (var i = 0; i < 5; i++)
            {
                p++;
                var vendor = faker.PickRandom(vendors);
                var tags = faker.PickRandom(tagPool, faker.Random.Int(1, 3)).Distinct().ToArray();
                var created = p % 9 == 0 ? now.AddDays(-faker.Random.Int(1, 10)) : now.AddDays(-faker.Random.Int(30, 400));
                var status = p % 13 == 0 ? "draft" : p % 17 == 0 ? "archived" : "active";
                await app.ExecuteAsync("""
                    insert into adpriority.products (id, tenant_id, shopify_product_id, title, product_type, vendor, tags, status, shopify_created_at, shopify_updated_at)
                    values (@Id, @TenantId, @ShopifyId, @Title, @Type, @Vendor, @Tags, @Status, @Created, @Created)
                    """, new { Id = ProductId(p), TenantId, ShopifyId = 8779355160000L + p, Title = $"{vendor} {titles[i % titles.Length]} - {faker.Commerce.Color()}",
                               Type = type, Vendor = vendor, Tags = tags, Status = status, Created = created }, ct);
                var price = Math.Round(faker.Random.Decimal(19, 149), 2);
                foreach (var size in new[] { "S", "M", "L", "XL" }.Take(faker.Random.Int(2, 4)))
                {
                    v++;
                    await app.ExecuteAsync("""
                        insert into adpriority.variants (id, tenant_id, product_id, shopify_variant_id, title, sku, price, inventory_quantity)
                        values (@Id, @TenantId, @ProductId, @ShopifyId, @Size, @Sku, @Price, @Qty)
                        """, new { Id = VariantId(v), TenantId, ProductId = ProductId(p), ShopifyId = 46050142740000L + v, Size = size,
                                   Sku = (107400 + v).ToString(CultureInfo.InvariantCulture), Price = price, Qty = faker.Random.Bool(0.2f) ? 0 : faker.Random.Int(1, 40) }, ct);
                }
            }

        var rules = new (string Pattern, string? Season, int Base, object Modifiers)[]
        {
            ("outerwear-heavy", null, 3, new { tagAdjustments = new Dictionary<string, object> { ["NAME BRAND"] = new { adjustment = 1 }, ["DEAD50"] = new { @override = 0 } } }),
            ("outerwear-heavy", "winter", 5, new { }),
            ("hoodies-sweatshirts", null, 3, new { }),
            ("jeans-pants", null, 3, new { tagAdjustments = new Dictionary<string, object> { ["NAME BRAND"] = new { adjustment = 1 } } }),
            ("t-shirts", null, 3, new { }),
            ("t-shirts", "summer", 5, new { }),
            ("shorts", null, 2, new { }),
            ("shorts", "summer", 5, new { }),
            ("Headwear-*", null, 3, new { }),
            ("footwear-sandals", null, 2, new { }),
        };
        for (var i = 0; i < rules.Length; i++)
            await app.ExecuteAsync("""
                insert into adpriority.category_rules (id, tenant_id, product_type_pattern, season, base_priority, modifiers)
                values (@Id, @TenantId, @Pattern, @Season, @Base, cast(@Modifiers as jsonb))
                """, new { Id = RuleId(i + 1), TenantId, rules[i].Pattern, rules[i].Season, rules[i].Base, Modifiers = JsonSerializer.Serialize(rules[i].Modifiers) }, ct);

        var overrides = new Dictionary<string, Dictionary<string, int>>
        {
            ["winter"] = new() { ["outerwear-heavy"] = 5, ["hoodies-sweatshirts"] = 5, ["shorts"] = 0, ["swim-shorts"] = 0 },
            ["spring"] = new() { ["jeans-pants"] = 4, ["t-shirts"] = 4, ["outerwear-heavy"] = 1 },
            ["summer"] = new() { ["shorts"] = 5, ["t-shirts"] = 5, ["outerwear-heavy"] = 0 },
            ["fall"] = new() { ["hoodies-sweatshirts"] = 4, ["jeans-pants"] = 4 },
        };
        var s = 0;
        foreach (var (season, name, start, end) in SeasonCalendar.Defaults)
        {
            var id = SeasonId(++s);
            await app.ExecuteAsync("""
                insert into adpriority.seasons (id, tenant_id, season, name, start_month, end_month) values (@Id, @TenantId, @Season, @Name, @Start, @End)
                """, new { Id = id, TenantId, Season = season, Name = name, Start = start, End = end }, ct);
            foreach (var (category, priority) in overrides[season])
                await app.ExecuteAsync("""
                    insert into adpriority.season_category_overrides (tenant_id, season_id, category, priority) values (@TenantId, @Id, @Category, @Priority)
                    """, new { TenantId, Id = id, Category = category, Priority = priority }, ct);
        }
        await app.ExecuteAsync("""
            insert into adpriority.tag_modifiers (tenant_id, tag, adjustment, override) values (@TenantId, 'Sale', -1, null), (@TenantId, 'Clearance', null, 1);
            insert into adpriority.sync_logs (tenant_id, sync_type, mode, status, products_synced, started_at, completed_at)
            values (@TenantId, 'shopify', 'full', 'completed', 40, @T1, @T1 + interval '75 seconds'),
                   (@TenantId, 'sheet', 'full', 'completed', @V, @T2, @T2 + interval '12 seconds');
            insert into adpriority.feed_tokens (tenant_id, token_hash, token_prefix) values (@TenantId, @Hash, @Prefix);
            """, new { TenantId, T1 = now.AddHours(-4), T2 = now.AddHours(-3), V = v, Hash = Hashing.HashApiKey(FeedToken), Prefix = FeedToken[..8] }, ct);

        var row = await Tenant.GetAsync(app, TenantId, ct);
        await new Recalculator(app, TimeProvider.System).RunAsync(row!, new RecalcScope(), ct);
        await tx.CommitAsync(ct);
    }
}
