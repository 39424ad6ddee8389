using System.Globalization;
using Api.Features.ShopperSearch.Common;
using Api.Infrastructure.Database;
using Api.Infrastructure.Demo;
using Api.Infrastructure.Security;
using Bogus;
using Npgsql;

namespace Api.Features.ShopperSearch.Demo;

/// <summary>
/// Demo merchant 12345 (a small apparel catalog, synonyms, one shopper with preferences, a pipeline row, a test API key) and a
/// second merchant 67890 with a few products, so isolation can be tried. Enrichment (embeddings, colours) is computed here from
/// the stated colour, since demo image URLs are not fetched. Fixed seed and ids; idempotent.
/// </summary>
sealed class Seeder(Api.Infrastructure.Integrations.Embeddings.LocalEmbedder embedder) : IDemoSeeder
{
    public const long DemoMerchant = 12345;
    public const long OtherMerchant = 67890;
    /// <summary>A development key for merchant 12345 in the test environment (demo data only; sk_test_ keys are refused by live servers).</summary>
    public const string DemoApiKey = "sk_test_demo12345shoppersearchlocalkey0001";
    public const string DemoEmail = "alex@example.com";
    public string Name => "shopper";

    // product_id, name, category, sub_category, brand, color, tags, price, gender, details
    static readonly (string Id, string Name, string Cat, string Sub, string Brand, string Color, string Tags, double Price, string Gender, string Details)[] Catalog =
    [
        ("SKU-1001", "Relaxed Linen Button-Up", "tops", "shirts", "Cove & Coast", "white", "linen,summer,breathable", 69, "mens", "<p>Breezy 100% linen with a relaxed cut. Perfect for warm days and beach weddings.</p>"),
        ("SKU-1002", "Classic Cotton Chinos", "bottoms", "chinos", "Cove & Coast", "khaki", "cotton,classic,work", 89, "mens", "Midweight cotton chinos with a tailored leg."),
        ("SKU-1003", "Midi Wrap Dress", "dresses", "midi", "Sand Coast", "coral", "rayon,summer,wedding guest", 119, "womens", "Floaty midi wrap dress in a soft rayon blend."),
        ("SKU-1004", "Navy Linen Blazer", "outerwear", "blazers", "Harbor Row", "navy blue", "linen,tailored,wedding", 189, "mens", "Unstructured linen blazer for smart-casual events."),
        ("SKU-1005", "Olive Utility Jacket", "outerwear", "jackets", "Field Theory", "olive", "cotton,utility,layering", 149, "unisex", "Garment-dyed cotton twill with four patch pockets."),
        ("SKU-1006", "Charcoal Merino Crewneck", "knitwear", "sweaters", "Northfold", "charcoal", "merino,wool,winter", 98, "mens", "Fine-gauge merino wool sweater that layers under a blazer."),
        ("SKU-1007", "Oversized Boyfriend Tee", "tops", "t-shirts", "Daybreak", "heather grey", "cotton,casual,basics", 42, "womens", "Soft slub cotton tee with a dropped shoulder."),
        ("SKU-1008", "Linen Wide-Leg Trousers", "bottoms", "trousers", "Sand Coast", "sand", "linen,summer,vacation", 95, "womens", "Pull-on wide-leg trousers in washed linen."),
        ("SKU-1009", "White Leather Sneakers", "shoes", "sneakers", "Stride Lab", "white", "leather,everyday,minimal", 120, "unisex", "Minimal low-top sneakers with a cushioned footbed."),
        ("SKU-1010", "Trail Running Shoes", "shoes", "running", "Stride Lab", "cobalt blue", "running,trail,athletic", 135, "mens", "Grippy outsole and breathable mesh upper for trail runs."),
        ("SKU-1011", "Burgundy Slip Dress", "dresses", "slip", "Velvet Hour", "burgundy", "satin,evening,cocktail", 145, "womens", "Bias-cut satin slip dress for evenings out."),
        ("SKU-1012", "Emerald Satin Gown", "dresses", "gowns", "Velvet Hour", "emerald green", "satin,formal,gala", 260, "womens", "Floor-length satin gown with a cowl neck for black-tie events."),
        ("SKU-1013", "Camel Wool Overcoat", "outerwear", "coats", "Northfold", "camel", "wool,winter,tailored", 320, "mens", "Double-faced wool overcoat with a notch lapel."),
        ("SKU-1014", "Cream Cable-Knit Cardigan", "knitwear", "cardigans", "Northfold", "cream", "cotton,cozy,layering", 110, "womens", "Chunky cable-knit cardigan with horn buttons."),
        ("SKU-1015", "Dark Denim Slim Jeans", "bottoms", "jeans", "Indigo Mill", "dark denim", "denim,stretch,everyday", 98, "mens", "Slim-fit stretch denim in a dark rinse."),
        ("SKU-1016", "High-Rise Mom Jeans", "bottoms", "jeans", "Indigo Mill", "light denim", "denim,vintage,casual", 88, "womens", "Rigid cotton denim with a high rise and tapered leg."),
        ("SKU-1017", "Black Leather Chelsea Boots", "shoes", "boots", "Harbor Row", "black", "leather,boots,classic", 210, "mens", "Pull-on Chelsea boots in smooth leather with elastic gores."),
        ("SKU-1018", "Tan Suede Loafers", "shoes", "loafers", "Harbor Row", "tan", "suede,smart casual,summer", 165, "mens", "Unlined suede penny loafers."),
        ("SKU-1019", "Straw Beach Tote", "bags", "totes", "Sand Coast", "natural beige", "straw,beach,vacation", 55, "womens", "Woven straw tote big enough for a towel and a book."),
        ("SKU-1020", "Black Leather Crossbody Bag", "bags", "crossbody", "Velvet Hour", "black", "leather,evening,everyday", 140, "womens", "Compact crossbody bag with an adjustable strap."),
        ("SKU-1021", "Yoga Leggings", "bottoms", "leggings", "Pulse", "black", "activewear,yoga,stretch", 68, "womens", "High-waisted leggings in a sculpting four-way stretch fabric."),
        ("SKU-1022", "Performance Running Tee", "tops", "t-shirts", "Pulse", "lime green", "activewear,running,quick-dry", 38, "mens", "Lightweight quick-dry tee for runs and gym sessions."),
        ("SKU-1023", "Fleece Zip Hoodie", "knitwear", "hoodies", "Field Theory", "forest green", "fleece,cozy,outdoors", 78, "unisex", "Recycled fleece hoodie with a full zip."),
        ("SKU-1024", "Silk Floral Scarf", "accessories", "scarves", "Velvet Hour", "pink", "silk,floral,gift", 48, "womens", "Hand-rolled silk scarf with a watercolour floral print."),
        ("SKU-1025", "Wool Beanie", "accessories", "hats", "Northfold", "mustard yellow", "wool,winter,knit", 32, "unisex", "Ribbed wool beanie with a fold-over cuff."),
        ("SKU-1026", "Kids Rain Jacket", "outerwear", "jackets", "Puddle", "red", "waterproof,kids,rain", 59, "kids", "Waterproof hooded rain jacket for kids with reflective trim."),
        ("SKU-1027", "Pleated Midi Skirt", "bottoms", "skirts", "Daybreak", "sage green", "pleated,office,spring", 79, "womens", "Knife-pleated midi skirt with an elastic waist."),
        ("SKU-1028", "Oxford Cotton Shirt", "tops", "shirts", "Harbor Row", "light blue", "cotton,office,classic", 75, "mens", "Button-down collar oxford shirt for the office."),
        ("SKU-1029", "Terracotta Linen Dress", "dresses", "maxi", "Sand Coast", "terracotta", "linen,summer,vacation", 135, "womens", "Tiered maxi dress in breathable linen."),
        ("SKU-1030", "Archived Denim Jacket", "outerwear", "jackets", "Indigo Mill", "denim", "denim,vintage", 99, "unisex", "A discontinued trucker jacket (archived, never shown)."),
    ];

    static readonly (string Id, string Name, string Cat, string Brand, string Color, double Price, string Gender)[] OtherCatalog =
    [
        ("OT-1", "Secret Navy Linen Shirt", "tops", "Other Brand", "navy", 59, "mens"),
        ("OT-2", "Rival Coral Dress", "dresses", "Other Brand", "coral", 99, "womens"),
        ("OT-3", "Rival Leather Sneakers", "shoes", "Other Brand", "white", 110, "unisex"),
    ];

    public async Task SeedAsync(Db db, CancellationToken ct)
    {
        var faker = new Faker { Random = new Randomizer(DemoData.Seed) };
        await using var conn = await db.Owner.OpenConnectionAsync(ct);
        await SeedMerchantAsync(conn, DemoMerchant, Catalog.Select(p => p).ToList(), ct, async tx =>
        {
            foreach (var (term, syns) in new[] { ("sneakers", new[] { "trainers", "running shoes" }), ("tee", new[] { "t-shirt", "tshirt" }),
                         ("pants", new[] { "trousers", "chinos" }), ("sweater", new[] { "jumper", "pullover", "knit" }), ("purse", new[] { "bag", "handbag" }) })
                await Exec(conn, tx, "insert into shopper.product_synonyms (merchant_id, term, synonyms) values ($1, $2, $3) on conflict do nothing", ct, DemoMerchant, term, syns);
            var profileId = await Scalar<long>(conn, tx, """
                insert into shopper.user_profile (merchant_id, user_name, first_name, last_name, email_id, profile_name)
                values ($1, 'alex', 'Alex', $2, $3, 'Home')
                on conflict (merchant_id, lower(email_id)) do update set user_name = excluded.user_name returning id
                """, ct, DemoMerchant, faker.Name.LastName(), DemoEmail);
            await Exec(conn, tx, """
                insert into shopper.user_preferences (merchant_id, user_profile_id, conversational_style, personal_fashion_style,
                    favorite_colors, fashion_material_prefer, fashion_goals)
                values ($1, $2, 'friendly', 'classic', '{navy,olive}', '{linen,cotton}', 'beach vacation outfits') on conflict do nothing
                """, ct, DemoMerchant, profileId);
            await Exec(conn, tx, """
                insert into shopper.pipeline_status (merchant_id, shop_domain, current_step, completed_steps, status, started_at, completed_at, last_updated)
                values ($1, 'demo-store.myshopify.com', 'deploy_shoppergpt_extension',
                        '{shopify_etl_dev,enrichment_dev,create_color_embeddings,add_color_names,create_text_embeddings,create_img_embeddings,deploy_shoppergpt_extension}',
                        'completed', now() - interval '6 minutes 40 seconds', now() - interval '2 minutes', now() - interval '2 minutes')
                on conflict do nothing
                """, ct, DemoMerchant);
            await Exec(conn, tx, """
                insert into shopper.api_keys (merchant_id, name, environment, key_prefix, key_hash) values ($1, 'demo', 'test', $2, $3)
                on conflict (key_hash) do nothing
                """, ct, DemoMerchant, DemoApiKey[..12], Hashing.HashApiKey(DemoApiKey));
        });
        await SeedMerchantAsync(conn, OtherMerchant,
            OtherCatalog.Select(p => (p.Id, p.Name, p.Cat, "", p.Brand, p.Color, "other", p.Price, p.Gender, $"{p.Name} from the second demo merchant.")).ToList(), ct, _ => Task.CompletedTask);
    }

    async Task SeedMerchantAsync(NpgsqlConnection conn, long merchant,
        List<(string Id, string Name, string Cat, string Sub, string Brand, string Color, string Tags, double Price, string Gender, string Details)> products,
        CancellationToken ct, Func<NpgsqlTransaction, Task> extra)
    {
        await using var tx = await conn.BeginTransactionAsync(ct);
        await Exec(conn, tx, "select set_config('app.tenant_id', $1, true)", ct, merchant.ToString(CultureInfo.InvariantCulture));
        await Exec(conn, tx, "insert into shopper.merchant_info (merchant_id, display_name) values ($1, $2) on conflict do nothing", ct, merchant, $"Demo merchant {merchant}");
        // the demo catalog is small (a few dozen rows): embedded here with the local model, so search is semantic at once
        var embeddings = await embedder.EmbedAsync(
            [.. products.Select(p => Enrichment.EmbeddingText(p.Name, p.Cat, p.Sub, p.Brand, p.Color, p.Tags, QueryText.StripHtml(p.Details), null))], ct);
        foreach (var (p, embedding) in products.Zip(embeddings))
        {
            var details = QueryText.StripHtml(p.Details);
            var rgb = Colors.Parse(p.Color);
            var lab = rgb is { } c ? Colors.ToLab(c.R, c.G, c.B).ToArray() : null;
            await Exec(conn, tx, """
                insert into shopper.products (merchant_id, product_id, product_name, handle, product_details, brand, category, sub_category,
                    color, tags, price, price_numeric, gender, image1, status, text_embedding, color_embedding, color_embedding_1, percent_1,
                    color_names, enriched_at, text_embedding_model)
                values ($1, $2, $3, $4, $5, $6, $7, nullif($8, ''), $9, $10, $11, $12, $13, $14, $15, $16, $17, $17, 100, $18, now(), $19)
                on conflict (merchant_id, product_id) do nothing
                """, ct, merchant, p.Id, p.Name, QueryText.Slug(p.Name), details, p.Brand, p.Cat, p.Sub, p.Color, p.Tags,
                p.Price.ToString("0.00", CultureInfo.InvariantCulture), p.Price, p.Gender,
                $"https://cdn.example.com/images/{QueryText.Slug(p.Name)}.jpg", p.Name.StartsWith("Archived", StringComparison.Ordinal) ? "archived" : "active",
                embedding, (object?)lab ?? DBNull.Value, (object?)(lab is null ? null : Colors.NearestName(Lab.From(lab)!.Value)) ?? DBNull.Value,
                Api.Infrastructure.Integrations.Embeddings.LocalEmbedder.ModelName);
        }
        await extra(tx);
        await tx.CommitAsync(ct);
    }

    static async Task Exec(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, CancellationToken ct, params object?[] args)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        foreach (var a in args) cmd.Parameters.Add(new NpgsqlParameter { Value = a ?? DBNull.Value });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    static async Task<T> Scalar<T>(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, CancellationToken ct, params object?[] args)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        foreach (var a in args) cmd.Parameters.Add(new NpgsqlParameter { Value = a ?? DBNull.Value });
        return (T)(await cmd.ExecuteScalarAsync(ct))!;
    }
}
