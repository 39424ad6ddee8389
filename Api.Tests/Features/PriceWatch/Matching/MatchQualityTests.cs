using Api.Features.PriceWatch.Common.Matching;
using Xunit.Abstractions;

namespace Api.Tests.Features.PriceWatch.Matching;

/// <summary>
/// A small hand-labelled packaging set: for each own product, the competitor listing that is the same product (or none).
/// Precision = correct matches / matches made; recall = correct matches / products that have a true match.
/// The figures are printed and recorded in docs/pricewatch.md.
/// </summary>
public sealed class MatchQualityTests(ITestOutputHelper output)
{
    static readonly string[] Competitor =
    [
        "Clear Mylar Bag 4in x 5in 100 pack", "Black Mylar Bag 4 x 6", "Kraft Stand Up Pouch 6x9 with zipper", "Amber Glass Jar 2 oz",
        "Amber Plastic Jar 2oz", "Clear Glass Jar 60ml Child Resistant", "Black Pop Top Tube 30 dram", "Clear Pop Top Tube 30dr",
        "White Kraft Mailer Box 6x9", "Frosted Glass Dropper Bottle 1 oz", "Amber Boston Round Bottle 4oz", "Gold Tin 2oz",
        "Silver Tin 4 oz", "Pre-Roll Tube 116mm Black", "Child Resistant Glass Jar 4oz Black Lid", "Clear Mylar Bag 1/8 oz",
        "Holographic Mylar Bag 3.5g", "Black Plastic Jar 4oz", "White Lid 53mm", "Clear Stand Up Pouch 4x6",
    ];

    // own product → index of its true match in Competitor, or -1 when no listing is the same product
    static readonly (string Own, int Truth)[] Labels =
    [
        ("Clear Mylar Bag 4x5 (Pack of 100)", 0), ("Black Mylar Bag 4x6", 1), ("Kraft Stand Up Pouch 6 x 9", 2),
        ("Amber Glass Jar 2oz", 3), ("Amber Plastic Jar 2 oz", 4), ("Clear Glass Jar 2oz Child Resistant", 5),
        ("Black Pop Top Tube 30 Dram", 6), ("Clear Pop Top Tube 30 Dram", 7), ("Kraft Mailer Box 6x9 White", 8),
        ("Frosted Dropper Bottle Glass 30ml", 9), ("Amber Boston Round 4 oz Bottle", 10), ("Gold Tin 2 oz", 11),
        ("Silver Tin 4oz", 12), ("Black Pre-Roll Tube 116mm", 13), ("Black CR Glass Jar 4 oz", 14), ("Clear Mylar Bag 1/8oz", 15),
        ("Holographic Mylar Bag 1/8 oz", 16), ("Clear Plastic Jar 4oz", -1), ("Black Lid 89mm", -1), ("Clear Stand Up Pouch 6x9", -1),
        ("Amber Glass Jar 4oz", -1), ("Gold Tin 8oz", -1),
    ];

    internal static MatchProfile Packaging()
    {
        var sql = File.ReadAllText(Path.Combine(Api.Tests.Platform.MigrationTests.FindRepoRoot(), "db/sql/pricewatch/0002_industry_templates.sql"));
        var start = sql.IndexOf("('packaging'", StringComparison.Ordinal);
        var parts = System.Text.RegularExpressions.Regex.Matches(sql[start..], @"'((?:[^']|'')*)'").Select(m => m.Groups[1].Value.Replace("''", "'")).ToList();
        // slug, name, description, 4 examples, then the nine JSON fields in column order
        return MatchProfile.From(new MatchProfile.Row
        {
            IndustrySlug = parts[0], Categories = parts[7], ScoringConfig = parts[8], SearchTerms = parts[9], SizeEquivalences = parts[10],
            HardBlockRules = parts[11], SpecialtyBrands = parts[12], UnitTypes = parts[13], AiExtractionCategories = parts[14], AiMatchingRules = parts[15],
        });
    }

    [Fact]
    public void The_profile_aware_matcher_is_more_precise_than_plain_token_set()
    {
        var profile = Packaging();
        var items = Competitor.Select((n, i) => new Item(new Guid(i + 1, 0, 0, new byte[8]), n)).ToList();
        var results = new Dictionary<string, (double P, double R)>();
        foreach (var (method, aware) in new[] { ("old (token-set ratio)", false), ("new (profile-aware fuzzy)", true) })
        {
            var matcher = new FuzzyMatcher(profile, items, aware);
            int made = 0, correct = 0, positives = Labels.Count(l => l.Truth >= 0);
            foreach (var (own, truth) in Labels)
            {
                var best = matcher.Candidates(new Item(Guid.NewGuid(), own), 1).FirstOrDefault(c => c.Confidence >= profile.MinConfidence);
                if (best is null) continue;
                made++;
                if (truth >= 0 && best.Product.Name == Competitor[truth]) correct++;
            }
            results[method] = (made == 0 ? 0 : (double)correct / made, (double)correct / positives);
            output.WriteLine($"{method}: precision {results[method].P:P0}, recall {results[method].R:P0} ({correct} correct of {made} made, {positives} true pairs)");
        }
        Assert.True(results["new (profile-aware fuzzy)"].P > results["old (token-set ratio)"].P);
        Assert.True(results["new (profile-aware fuzzy)"].R >= 0.7);
    }
}
