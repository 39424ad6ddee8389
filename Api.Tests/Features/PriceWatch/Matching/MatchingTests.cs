using System.Net;
using System.Text.Json.Nodes;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.PriceWatch.Matching;

public sealed class MatchingTests(PriceWatchFactory api) : IClassFixture<PriceWatchFactory>
{
    const string Base = "/pricewatch/api/match";

    static Task<JsonNode> WaitAsync(PwTenant t, string session) => t.WaitForSessionAsync($"{Base}/status/{session}");

    async Task<PwTenant> Catalog(string plan)
    {
        var t = await PwTenant.CreateAsync(api, plan);
        await t.Client().PostAsync("/pricewatch/api/profile/templates/packaging/apply", null);
        await PwData.SeedAsync(api, t.Id, "https://rival.example",
            ("Clear Mylar Bag 4in x 5in - 12-pack", 10, 12), ("Amber Plastic Jar 2oz", 3, 3), ("Kraft Box 6x9", 2, 2), ("Black Pop Top Tube 30 dram", 1, 1));
        var i = 0;
        foreach (var (title, variant, price) in new[] { ("Clear Mylar Bag 4x5", "12 pack", 11m), ("Amber Glass Jar 2 oz", (string?)null, 4m), ("Garden Hose 50ft", null, 20m) })
            await Pw.ExecAsync(api, t.Id, "insert into pricewatch.brand_products (tenant_id, shopify_variant_id, title, variant_title, price) values (@t, @v, @n, @vt, @p)",
                ("t", t.Id), ("v", $"v{i++}"), ("n", title), ("vt", (object?)variant ?? DBNull.Value), ("p", price));
        return t;
    }

    [Fact]
    public async Task Fuzzy_matching_runs_as_a_job_and_writes_matches()
    {
        var t = await Catalog("free");
        var rsp = await t.Client().PostJson(Base, new { method = "fuzzy" });
        Assert.Equal(HttpStatusCode.Accepted, rsp.StatusCode);
        var status = await WaitAsync(t, (string)(await rsp.Json())["session_id"]!);
        Assert.Equal("completed", (string?)status["status"]);
        Assert.Equal(3, (int)status["total_products"]!);
        Assert.Equal(100.0, (double)status["progress_percent"]!);
        Assert.Equal(1, (int)status["matches_found"]!);   // the bag; the glass jar is hard-blocked against plastic; the hose has no candidate
        Assert.Contains("candidate blocking", (string?)status["engine"]);
        Assert.Equal("Clear Mylar Bag 4in x 5in - 12-pack", await Pw.ScalarAsync<string>(api, """
            select pt.product_name from pricewatch.product_matches m join pricewatch.product_tracking pt on pt.id = m.product_tracking_id where m.tenant_id = @t
            """, ("t", t.Id)));
    }

    [Fact]
    public async Task Each_listing_goes_to_one_own_product_unless_the_profile_allows_many_to_one_and_vendors_name_brands()
    {
        var t = await PwTenant.CreateAsync(api, "free");
        await PwData.SeedAsync(api, t.Id, "https://rival.example", ("Amber Glass Jar 2oz", 4, 4), ("Sony Wool Suit Jacket Navy", 90, 90));
        var i = 0;
        // two own variants that both fit the one jar listing; a jacket whose vendor (Harbor Row) conflicts with the listing's brand
        foreach (var (title, vendor) in new[] { ("Amber Glass Jar 2 oz", (string?)null), ("Amber Glass Jar 2oz Wholesale", null), ("Navy Wool Suit Jacket", "Harbor Row"), ("Sony Headphones", "Sony") })
            await Pw.ExecAsync(api, t.Id, "insert into pricewatch.brand_products (tenant_id, shopify_variant_id, title, vendor, price) values (@t, @v, @n, @vn, 4)",
                ("t", t.Id), ("v", $"v{i++}"), ("n", title), ("vn", (object?)vendor ?? DBNull.Value));

        async Task<List<string>> MatchAsync()
        {
            var session = (string)(await (await t.Client().PostJson(Base, new { method = "fuzzy" })).Json())["session_id"]!;
            Assert.Equal("completed", (string?)(await WaitAsync(t, session))["status"]);
            var rows = await t.Client().GetAsync("/pricewatch/api/match/status/" + session);
            var names = new List<string>();
            await using var conn = api.OwnerConnection();
            await conn.OpenAsync();
            await using var cmd = new Npgsql.NpgsqlCommand("""
                select bp.title || ' -> ' || pt.product_name from pricewatch.product_matches m join pricewatch.brand_products bp on bp.id = m.brand_product_id
                  join pricewatch.product_tracking pt on pt.id = m.product_tracking_id where m.tenant_id = @t order by 1
                """, conn);
            cmd.Parameters.AddWithValue("t", t.Id);
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync()) names.Add(r.GetString(0));
            return names;
        }

        // one-to-one (default): the better-scored variant takes the listing; the jacket is blocked by the brand conflict
        // ("Sony" is learned from the other product's vendor field)
        Assert.Equal(["Amber Glass Jar 2 oz -> Amber Glass Jar 2oz"], await MatchAsync());
        var put = await t.Client().PutJson("/pricewatch/api/profile", new { industry_slug = "custom", industry_name = "Custom", scoring_config = new { allow_many_to_one = true } });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(["Amber Glass Jar 2 oz -> Amber Glass Jar 2oz", "Amber Glass Jar 2oz Wholesale -> Amber Glass Jar 2oz"], await MatchAsync());
    }

    [Fact]
    public async Task Ai_and_hybrid_are_plan_gated_and_use_the_local_verifier()
    {
        var free = await Catalog("free");
        Assert.Equal(HttpStatusCode.Forbidden, (await free.Client().PostJson(Base, new { method = "ai" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await free.Client().PostJson(Base, new { method = "hybrid" })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await free.Client().PostJson(Base, new { method = "magic" })).StatusCode);

        var pro = await Catalog("pro");
        foreach (var method in new[] { "hybrid", "ai" })
        {
            var status = await WaitAsync(pro, (string)(await (await pro.Client().PostJson(Base, new { method })).Json())["session_id"]!);
            Assert.Equal("completed", (string?)status["status"]);
            Assert.Contains("local rule-based verifier", (string?)status["engine"]);
            Assert.Contains("local rule-based verifier", (string?)status["message"]);   // the session says which local engine ran
            Assert.True((int)status["matches_found"]! >= 1);
        }
    }

    [Fact]
    public async Task Validate_produces_the_documented_report()
    {
        var t = await Catalog("free");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await t.Client().PostJson($"{Base}/validate", new { sample_size = 500 })).StatusCode);
        var session = (string)(await (await t.Client().PostJson($"{Base}/validate", new { sample_size = 20 })).Json())["session_id"]!;
        await WaitAsync(t, session);
        var body = await (await t.Client().GetAsync($"{Base}/validate/{session}")).Json();
        Assert.Equal("completed", (string?)body["status"]);
        var summary = body["validation_report"]!["summary"]!;
        Assert.Equal(3, (int)summary["total"]!);
        Assert.Equal(3, new[] { "both_match_same", "both_match_different", "old_only", "new_only", "both_nomatch" }.Sum(k => (int)summary[k]!));
        var jar = body["validation_report"]!["products"]!.AsArray().Single(p => ((string)p!["brand_product"]!).Contains("Jar"))!;
        Assert.Equal("old_only", (string?)jar["verdict"]);     // the old matcher pairs glass with plastic; the new one refuses
        Assert.NotNull(jar["old_match"]!["confidence"]);
        Assert.Null(jar["new_match"]);
        var other = await PwTenant.CreateAsync(api);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client().GetAsync($"{Base}/validate/{session}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client().GetAsync($"{Base}/status/{session}")).StatusCode);
    }

    [Fact]
    public async Task Backfill_and_embed_use_local_defaults_and_say_so()
    {
        var t = await Catalog("enterprise");
        var backfill = await WaitAsync(t, (string)(await (await t.Client().PostJson($"{Base}/backfill", new { limit = 100 })).Json())["session_id"]!);
        Assert.Equal("completed", (string?)backfill["status"]);
        Assert.Equal(7, (int)backfill["processed"]!);
        Assert.Contains("local rule-based extraction", (string?)backfill["engine"]);
        Assert.Equal("Mylar Bags", await Pw.ScalarAsync<string>(api, "select attributes->>'category' from pricewatch.brand_products where tenant_id = @t and title like 'Clear Mylar%'", ("t", t.Id)));
        Assert.Equal("mylar", await Pw.ScalarAsync<string>(api, "select attributes->>'material' from pricewatch.brand_products where tenant_id = @t and title like 'Clear Mylar%'", ("t", t.Id)));

        var embed = await WaitAsync(t, (string)(await (await t.Client().PostJson($"{Base}/embed", new { table = "brand_products", limit = 2 })).Json())["session_id"]!);
        Assert.Equal(2, (int)embed["processed"]!);
        Assert.Contains("local sentence embeddings (sentence-transformers/all-MiniLM-L6-v2, 384 dimensions", (string?)embed["engine"]);
        Assert.Equal(384, await Pw.ScalarAsync<int>(api, "select max(array_length(embedding, 1)) from pricewatch.brand_products where tenant_id = @t", ("t", t.Id)));
        Assert.Equal(2, await Pw.ScalarAsync<int>(api, "select count(*)::int from pricewatch.brand_products where tenant_id = @t and embedding_model = 'sentence-transformers/all-MiniLM-L6-v2'", ("t", t.Id)));

        // a vector of another model (here the old feature hashing) is re-embedded by the next run, before rows without one
        await Pw.ExecAsync(api, t.Id, "update pricewatch.brand_products set embedding = array_fill(0.5::real, array[256]), embedding_model = 'local-feature-hashing-256' where id = (select id from pricewatch.brand_products where tenant_id = @t and embedding is not null order by id limit 1)", ("t", t.Id));
        var again = await WaitAsync(t, (string)(await (await t.Client().PostJson($"{Base}/embed", new { table = "brand_products", limit = 10 })).Json())["session_id"]!);
        Assert.Equal(2, (int)again["processed"]!);   // the stale row and the one never embedded; the two current ones are left alone
        Assert.Equal(0, await Pw.ScalarAsync<int>(api, "select count(*)::int from pricewatch.brand_products where tenant_id = @t and (embedding_model is distinct from 'sentence-transformers/all-MiniLM-L6-v2' or array_length(embedding, 1) <> 384)", ("t", t.Id)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await t.Client().PostJson($"{Base}/embed", new { table = "users" })).StatusCode);

        var pro = await Catalog("pro");
        Assert.Equal(HttpStatusCode.Forbidden, (await pro.Client().PostJson($"{Base}/embed", new { })).StatusCode);
    }

    [Fact]
    public async Task Recalculate_ppu_updates_pack_quantities_and_prices_per_unit()
    {
        var t = await Catalog("free");
        var first = await (await t.Client().PostAsync($"{Base}/recalculate-ppu", null)).Json();
        Assert.Equal("ok", (string?)first["status"]);
        Assert.Equal(3, (int)first["updated_brand_products"]!);          // all had no ppu yet
        Assert.Equal(4, (int)first["updated_product_tracking"]!);
        Assert.Equal(12, await Pw.ScalarAsync<int>(api, "select pack_quantity from pricewatch.brand_products where tenant_id = @t and title like 'Clear Mylar%'", ("t", t.Id)));
        Assert.Equal(1m, await Pw.ScalarAsync<decimal>(api, "select ppu from pricewatch.product_tracking where tenant_id = @t and product_name like 'Clear Mylar%'", ("t", t.Id)));
        var again = await (await t.Client().PostAsync($"{Base}/recalculate-ppu", null)).Json();
        Assert.Equal(0, (int)again["updated_brand_products"]!);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().PostAsync($"{Base}/recalculate-ppu", null)).StatusCode);
    }
}
