using Api.Features.PriceWatch.Common.Matching;

namespace Api.Tests.Features.PriceWatch.Matching;

public sealed class FuzzyMatcherTests
{
    static readonly MatchProfile Packaging = MatchProfile.From(new MatchProfile.Row
    {
        IndustrySlug = "packaging",
        Categories = """[{"name": "Bags", "keywords": ["bag", "pouch"]}, {"name": "Jars", "keywords": ["jar"]}]""",
        ScoringConfig = """{"min_confidence": 60, "name_weight": 0.65, "size_weight": 0.25, "brand_weight": 0.1, "size_mismatch_penalty": 35}""",
        SearchTerms = """{"synonyms": {"pouch": ["bag"]}, "stop_words": ["wholesale"]}""",
        SizeEquivalences = """{"4x5": ["4 x 5", "4in x 5in"], "2oz": ["2 oz", "60ml"]}""",
        HardBlockRules = """[{"when": ["glass"], "block": ["plastic"], "reason": "material differs"}]""",
        SpecialtyBrands = """{"Ball": ["ball mason"]}""",
        UnitTypes = """["oz", "ml", "in"]""",
    });

    static Item I(string name) => new(Guid.NewGuid(), name, 1m, Guid.Empty);

    [Fact]
    public void Size_equivalences_and_synonyms_normalise_both_sides()
    {
        var matcher = new FuzzyMatcher(Packaging, [I("Clear Stand Up Bag 4in x 5in"), I("Clear Stand Up Bag 6 x 9")]);
        var best = matcher.Candidates(I("Clear Stand Up Pouch 4 x 5 wholesale"), 2);
        Assert.Equal("Clear Stand Up Bag 4in x 5in", best[0].Product.Name);
        Assert.True(best[0].Confidence >= 90, $"confidence {best[0].Confidence}");
        Assert.True(best[1].Confidence < 60, "a different size must not match");
    }

    [Fact]
    public void Hard_block_rules_exclude_a_pair()
    {
        var matcher = new FuzzyMatcher(Packaging, [I("Amber Plastic Jar 2oz")]);
        Assert.Empty(matcher.Candidates(I("Amber Glass Jar 2 oz")));
        var blocked = Assert.Single(matcher.Candidates(I("Amber Glass Jar 2 oz"), includeBlocked: true));
        Assert.Equal("material differs", blocked.BlockedBy);
        var plain = new FuzzyMatcher(Packaging, [I("Amber Plastic Jar 2oz")], profileAware: false);
        Assert.True(plain.Candidates(I("Amber Glass Jar 2 oz"))[0].Confidence > 60, "the old matcher does not know the rule");
    }

    [Fact]
    public void Blocking_scores_only_products_that_share_informative_tokens()
    {
        var corpus = Enumerable.Range(0, 5000).Select(i => I($"Widget {i} model {i % 7}")).Append(I("Glass Jar 2oz Clear")).ToList();
        var matcher = new FuzzyMatcher(Packaging, corpus);
        var best = matcher.Candidates(I("Clear Glass Jar 60ml"), 3);
        Assert.Equal("Glass Jar 2oz Clear", best[0].Product.Name);
        Assert.True(best[0].Confidence >= 90);
    }
}

public sealed class FuzzyMatcherConflictTests
{
    static Item I(string name) => new(Guid.NewGuid(), name, 1m, Guid.Empty);

    [Theory]
    [InlineData("wine-spirits", "Caymus Cabernet Sauvignon 2020 750ml", "Caymus Cabernet Sauvignon 2021 750ml")]   // vintage
    [InlineData("hardware", "3M Sandpaper 120 Grit 9x11 25 sheets", "3M Sandpaper 80 Grit 9x11 25 sheets")]       // grit
    [InlineData("hardware", "Klein Tools 11-in-1 Screwdriver", "Klein Tools 6-in-1 Screwdriver")]                 // model
    [InlineData("pet-supplies", "Greenies Dental Chews Large 24 ct", "Greenies Dental Chews Petite 24 ct")]       // size variant
    [InlineData("default", "Widget Model 2020", "Widget Model 2021")]                                             // default profile too
    public void Differing_numbers_variants_and_attributes_keep_a_look_alike_below_the_threshold(string slug, string own, string theirs)
    {
        var profile = slug == "default" ? MatchProfile.Default : MatchQualityTests.Profile(slug);
        var matcher = new FuzzyMatcher(profile, [I(theirs)]);
        var best = matcher.Candidates(I(own), 1, includeBlocked: true).Single();
        Assert.True(best.Confidence < profile.MinConfidence, $"{own} vs {theirs}: {best.Confidence}");
        var same = new FuzzyMatcher(profile, [I(own + " ")]).Candidates(I(own), 1).Single();
        Assert.True(same.Confidence >= 90);
    }

    [Fact]
    public async Task A_conflicting_extraction_attribute_costs_the_category_penalty_and_the_verifier_refuses_it()
    {
        var profile = MatchQualityTests.Profile("pet-supplies");
        var matcher = new FuzzyMatcher(profile, []);
        var salmon = matcher.Prepare(I("Purina Salmon Adult Dry Dog Food 30lb"));
        var chicken = matcher.Prepare(I("Purina Chicken Adult Dry Dog Food 30lb"));
        var beefy = matcher.Prepare(I("Purina Salmon Adult Dry Dog Food 30lb."));
        Assert.Equal(["protein"], FuzzyMatcher.AttributeConflicts(salmon, chicken));
        Assert.True(matcher.Score(salmon, beefy).Confidence - matcher.Score(salmon, chicken).Confidence >= profile.CategoryMismatchPenalty);
        var (same, _) = await new LocalRuleVerifier().VerifyAsync(salmon, chicken, matcher.Score(salmon, chicken).Confidence, profile, default);
        Assert.False(same);
    }

    [Fact]
    public void An_extra_catalogue_number_on_one_side_is_no_conflict()
    {
        var matcher = new FuzzyMatcher(MatchProfile.Default, [I("Klein Tools 32500 11-in-1 Screwdriver / Nut Driver")]);
        Assert.True(matcher.Candidates(I("Klein Tools 11-in-1 Screwdriver Nut Driver"), 1).Single().Confidence >= 60);
    }
}
