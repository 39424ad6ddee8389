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
