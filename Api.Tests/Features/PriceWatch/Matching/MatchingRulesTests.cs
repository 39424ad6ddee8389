using Api.Features.PriceWatch.Common.Matching;
using Api.Features.PriceWatch.Quality;

namespace Api.Tests.Features.PriceWatch.Matching;

/// <summary>Issue 19 §3: brands, colours, accessories, identifiers as specs, the local verifier and the one-to-one assignment.</summary>
public sealed class MatchingRulesTests
{
    static Item I(string name, string? vendor = null, Guid competitor = default) => new(Guid.NewGuid(), name, 1m, competitor, vendor);

    static readonly Brands Learned = new(["Panasonic", "Sony", "Harbor Row", "Hearth & Co", "Black & Decker"], MatchProfile.Default);

    [Fact]
    public void Brands_come_from_the_vendor_field_or_from_vendor_names_learned_from_the_catalogs()
    {
        Assert.Equal("harbor row", Learned.Of("Navy Wool Suit Jacket", "Harbor Row"));          // the vendor field
        Assert.Equal("panasonic", Learned.Of("DECT 6.0 Cordless Phone Handset - Panasonic kx-tga670b", null));   // learned, anywhere in the name
        Assert.Equal("hearth co", Learned.Of("Hearth & Co Stoneware Coffee Mugs 4-Pack", null));   // several words, & ignored
        Assert.Equal("hearth co", Learned.Of("hearth and co mugs", "HEARTH & CO"));
        Assert.Null(Learned.Of("Stoneware Coffee Mugs 4-Pack", null));
        Assert.Null(Learned.Of("Harbor cruise tickets", null));                                    // "harbor" alone is not "harbor row"
        var profile = MatchQualityTests.Profile("packaging");
        Assert.NotNull(new Brands([], profile).InName("Ball Mason Jar 16oz"));                     // the profile's specialty brands still count
    }

    [Fact]
    public void A_brand_conflict_blocks_a_match_unless_a_side_names_no_brand()
    {
        var matcher = new FuzzyMatcher(MatchProfile.Default, [I("Sony KX-TGA670B DECT 6.0 Cordless Phone Handset")], brands: Learned);
        var own = I("Panasonic KX-TGA670B DECT 6.0 Cordless Phone Handset", "Panasonic");
        Assert.Empty(matcher.Candidates(own));
        Assert.Equal("brand conflict", Assert.Single(matcher.Candidates(own, includeBlocked: true)).BlockedBy);

        // the vendor field alone names the brand: "Navy Wool Suit Jacket" by Harbor Row is not a Sony jacket
        var jackets = new FuzzyMatcher(MatchProfile.Default, [I("Sony Navy Wool Suit Jacket"), I("Wool Suit Jacket Navy"), I("Harbor Row Navy Wool Suit Jacket")], brands: Learned);
        var found = jackets.Candidates(I("Navy Wool Suit Jacket", "Harbor Row"), 5).Select(c => c.Product.Name).ToList();
        Assert.DoesNotContain("Sony Navy Wool Suit Jacket", found);
        Assert.Contains("Wool Suit Jacket Navy", found);                    // no brand named: no conflict
        Assert.Equal("Harbor Row Navy Wool Suit Jacket", found[0]);         // same brand ranks first
        // neither side has a brand
        var plain = new FuzzyMatcher(MatchProfile.Default, [I("Wool Suit Jacket Navy")], brands: Learned);
        Assert.True(plain.Candidates(I("Navy Wool Suit Jacket"))[0].Confidence >= 60);
    }

    [Theory]
    [InlineData("Navy Wool Suit Jacket", "Charcoal Wool Suit Jacket")]
    [InlineData("White Oxford Cotton Shirt", "Light Blue Oxford Cotton Shirt")]
    [InlineData("Black Leather Belt", "Brown Leather Belt")]
    public void Another_colour_is_another_product_with_the_default_profile(string own, string theirs)
    {
        var matcher = new FuzzyMatcher(MatchProfile.Default, [I(theirs)]);
        Assert.True(matcher.Candidates(I(own), includeBlocked: true)[0].Confidence < MatchProfile.Default.MinConfidence);
        var same = new FuzzyMatcher(MatchProfile.Default, [I(own.ToUpperInvariant())]);
        Assert.True(same.Candidates(I(own))[0].Confidence >= 90);
    }

    [Fact]
    public void Colour_words_in_a_brand_are_not_colours_and_grey_is_gray()
    {
        Assert.Empty(Colours.In(["black", "decker", "drill"], "black decker"));
        Assert.Equal(["black"], Colours.In(["indigo", "mill", "black", "jeans"], "indigo mill"));
        Assert.Equal(["indigo"], Colours.In(["indigo", "slim", "jeans"], "indigo mill"));   // the brand's word alone is the colour
        Assert.Equal(["grey"], Colours.In(["gray", "hoodie"], null));
        Assert.Equal(["black", "white"], Colours.In(["black/white", "sneaker"], null).Order());
    }

    [Fact]
    public void An_accessory_is_not_the_device_it_fits()
    {
        var matcher = new FuzzyMatcher(MatchProfile.Default, []);
        var adapter = matcher.Prepare(I("Cigarette Lighter Adapter for Garmin nuvi GPS"));
        var device = matcher.Prepare(I("Garmin nuvi 260W 4.3-Inch Widescreen Portable GPS Navigator"));
        Assert.True(FuzzyMatcher.AccessoryConflict(adapter, device));
        Assert.True(FuzzyMatcher.AccessoryConflict(device, adapter));
        // the same accessory written differently, and a device "for" a use, are no conflict
        Assert.False(FuzzyMatcher.AccessoryConflict(adapter, matcher.Prepare(I("Garmin nuvi Cigarette Lighter Adapter"))));
        Assert.False(FuzzyMatcher.AccessoryConflict(matcher.Prepare(I("Cordless Laser Mouse for Bluetooth")), matcher.Prepare(I("Logitech V470 Cordless Laser Mouse"))));
    }

    [Theory]
    [InlineData("Panasonic TH50PX80U 50-Inch Plasma", "Panasonic TH-50PZ80U 50-Inch Plasma", true)]    // th50px80u is not th-50pz80u
    [InlineData("Logitech 910000298 MX Revolution", "Logitech 910-000298 MX Revolution Mouse", false)] // 910000298 is 910-000298
    [InlineData("LED bulb 25000 hours 60 watts", "LED bulb 15000 hours 40 watts", null)]              // hours and wattages: specs
    [InlineData("Vizio 50-Inch 1,000,000:1 Contrast HDTV", "Sony 50-Inch 1,000,000:1 Contrast HDTV", null)]   // inches and ratios
    [InlineData("Hitachi 500GB 7200 RPM SATA Hard Drive", "Maxtor 500GB 7200RPM External Drive", null)]   // GB and RPM
    public void Identifiers_compare_whole_and_spec_numbers_are_not_identifiers(string a, string b, bool? conflict) =>
        Assert.Equal(conflict, Identifiers.Conflict(Identifiers.Of(a), Identifiers.Of(b)));

    [Theory]
    [InlineData("Panasonic KX-TGA670B DECT 6.0 Cordless Phone Handset", "New Panasonic KX-TGA670B Phone (Retail Packaging)", true)]
    [InlineData("Panasonic TH-42PZ80U 42-Inch 1080p Plasma HDTV", "New Panasonic TH-42PZ80U Television (Retail Packaging)", true)]
    [InlineData("Panasonic TH-50PZ80U 50-Inch 1080p Plasma HDTV", "Panasonic TH-50PX80U 50-Inch 720p Plasma HDTV", false)]
    [InlineData("Navy Wool Suit Jacket", "Charcoal Wool Suit Jacket", false)]
    public async Task The_local_verifier_accepts_a_rewritten_listing_of_the_same_model_and_refuses_a_sibling(string own, string theirs, bool same)
    {
        var matcher = new FuzzyMatcher(MatchProfile.Default, [], brands: Learned);
        var (ok, _) = await new LocalRuleVerifier().VerifyAsync(matcher.Prepare(I(own)), matcher.Prepare(I(theirs)), 50, MatchProfile.Default, default);
        Assert.Equal(same, ok);
    }

    static Assignment.Edge E(Item own, Item listing, double confidence) => new(own, new Candidate(listing, confidence));

    [Fact]
    public void Assignment_gives_each_listing_to_one_own_product_unless_many_to_one_is_allowed()
    {
        var rival = Guid.NewGuid();
        var (jar, jar2, box) = (I("Amber Glass Jar 2oz"), I("Amber Glass Jar 2 oz (wholesale)"), I("Kraft Box 6x9"));
        var (listing, other) = (I("Amber Glass Jar 2oz", competitor: rival), I("Amber Jar Glass 60ml", competitor: rival));
        var edges = new[] { E(jar, listing, 98), E(jar2, listing, 92), E(jar2, other, 80), E(jar, other, 85), E(box, listing, 20) };

        var one = Assignment.Greedy(edges, allowManyToOne: false);
        Assert.Equal([(jar, listing), (jar2, other)], one.Select(e => (e.Own, e.Match.Product)));   // jar2 gives way to its next candidate
        var many = Assignment.Greedy(edges, allowManyToOne: true);
        Assert.Equal([(jar, listing), (jar2, listing), (box, listing)], many.Select(e => (e.Own, e.Match.Product)));   // still one per own product and competitor
        // a second competitor's listing is a separate slot for the same own product
        var elsewhere = I("Amber Glass Jar 2oz", competitor: Guid.NewGuid());
        Assert.Equal(2, Assignment.Greedy([.. edges, E(jar, elsewhere, 97)], false).Count(e => e.Own == jar));
    }

    [Fact]
    public void Assignment_ties_are_broken_by_content_not_by_ids_or_input_order()
    {
        var rival = Guid.NewGuid();
        var listing = I("Kraft Box 6x9", competitor: rival);
        for (var run = 0; run < 20; run++)
        {
            // fresh random ids each run, both input orders: the same own product (by name) wins the tie
            var (a, b) = (I("Kraft Box 6x9 brown"), I("Kraft Box 6x9 natural"));
            var edges = run % 2 == 0 ? new[] { E(b, listing, 90), E(a, listing, 90) } : [E(a, listing, 90), E(b, listing, 90)];
            Assert.Equal("Kraft Box 6x9 brown", Assert.Single(Assignment.Greedy(edges, false)).Own.Name);
        }
    }

    [Fact]
    public void Many_to_one_is_a_profile_switch_off_by_default()
    {
        Assert.False(MatchProfile.Default.AllowManyToOne);
        Assert.True(MatchProfile.From(new MatchProfile.Row { ScoringConfig = """{"allow_many_to_one": true}""" }).AllowManyToOne);
        Assert.False(MatchProfile.From(new MatchProfile.Row { ScoringConfig = """{"allow_many_to_one": "yes"}""" }).AllowManyToOne);
    }

    [Fact]
    public async Task On_the_quality_set_hybrid_and_ai_with_the_local_verifier_are_at_least_as_good_as_fuzzy()
    {
        var data = Path.Combine(Api.Tests.Platform.MigrationTests.FindRepoRoot(), "bench", "quality", "data");
        var figures = await MatchQualityCommand.EvaluateAsync(MatchQualityCommand.LoadPairs(Path.Combine(data, "match-pairs.tsv")), TextWriter.Null, default,
            MatchQualityCommand.LoadVendors(Path.Combine(data, "catalog.tsv")));
        foreach (var view in new[] { "pairs", "best-listing", "assigned" })
        {
            double F1(string engine) => figures.Single(f => f.View == view && f.Split == "test" && f.Engine == engine).F1;
            Assert.True(F1("hybrid") >= F1("fuzzy"), $"{view}: hybrid {F1("hybrid")} < fuzzy {F1("fuzzy")}");
            Assert.True(F1("ai") >= F1("fuzzy"), $"{view}: ai {F1("ai")} < fuzzy {F1("fuzzy")}");
            Assert.True(F1("fuzzy") > F1("tfidf"), $"{view}: fuzzy {F1("fuzzy")} <= tfidf {F1("tfidf")}");
        }
    }
}
