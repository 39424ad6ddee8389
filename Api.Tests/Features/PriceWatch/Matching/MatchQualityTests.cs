using System.Text;
using Api.Features.PriceWatch.Common.Matching;
using Api.Infrastructure.Integrations.OpenAi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace Api.Tests.Features.PriceWatch.Matching;

/// <summary>
/// Precision and recall per method on the hand-labelled set <c>Data/match_pairs.tsv</c> (six industries, each matched with its
/// own template profile from <c>0002_industry_templates.sql</c>). For each own product the method picks at most one listing
/// from its industry's pool; precision = correct picks / picks, recall = correct picks / own products that have a true match.
/// Methods: <c>old</c> (the validate endpoint's plain token-set ratio), <c>fuzzy</c>, <c>hybrid</c> and <c>ai</c> with the
/// OpenAI verifier pointed at an unreachable server (so every verdict is the local fallback, as on a machine without one).
/// Print the table: <c>dotnet test --filter MatchQualityTests --logger "console;verbosity=detailed"</c>; figures in docs/pricewatch.md.
/// </summary>
public sealed class MatchQualityTests(ITestOutputHelper output)
{
    sealed record Row(string Industry, string? Own, string? Competitor);

    static List<Row> Load() => File.ReadAllLines(Path.Combine(Api.Tests.Platform.MigrationTests.FindRepoRoot(), "Api.Tests/Features/PriceWatch/Data/match_pairs.tsv"))
        .Where(l => l.Length > 0 && !l.StartsWith('#')).Skip(1).Select(l => l.Split('\t'))
        .Select(c => new Row(c[0], c[1] == "-" ? null : c[1], c[2] == "-" ? null : c[2])).ToList();

    internal static MatchProfile Packaging() => Profile("packaging");

    /// <summary>An industry template's profile, read from the migration that seeds it.</summary>
    internal static MatchProfile Profile(string slug)
    {
        var sql = File.ReadAllText(Path.Combine(Api.Tests.Platform.MigrationTests.FindRepoRoot(), "db/sql/pricewatch/0002_industry_templates.sql"));
        var start = sql.IndexOf($"('{slug}'", StringComparison.Ordinal);
        var parts = System.Text.RegularExpressions.Regex.Matches(sql[start..], @"'((?:[^']|'')*)'").Select(m => m.Groups[1].Value.Replace("''", "'")).ToList();
        var examples = sql[start..].IndexOf("array[", StringComparison.Ordinal) is var a and >= 0
            ? System.Text.RegularExpressions.Regex.Matches(sql[(start + a)..sql.IndexOf(']', start + a)], @"'((?:[^']|'')*)'").Count : 0;
        // slug, name, description, the examples, then the nine JSON fields in column order
        var f = 3 + examples;
        return MatchProfile.From(new MatchProfile.Row
        {
            IndustrySlug = parts[0], Categories = parts[f], ScoringConfig = parts[f + 1], SearchTerms = parts[f + 2], SizeEquivalences = parts[f + 3],
            HardBlockRules = parts[f + 4], SpecialtyBrands = parts[f + 5], UnitTypes = parts[f + 6], AiExtractionCategories = parts[f + 7], AiMatchingRules = parts[f + 8],
        });
    }

    static IMatchVerifier UnreachableAi()
    {
        var options = Options.Create(new OpenAiOptions { BaseUrl = "http://127.0.0.1:9/v1", ChatModel = "unreachable", TimeoutSeconds = 2 });
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["PriceWatch:Ai:RetryDelayMs"] = "0" }).Build();
        return new OpenAiVerifier(new OpenAiClient(new HttpClient(), options), new LocalRuleVerifier(), config, options);
    }

    public sealed record Figures(int Picks, int Correct, int Positives)
    {
        public double Precision => Picks == 0 ? 0 : (double)Correct / Picks;
        public double Recall => Positives == 0 ? 0 : (double)Correct / Positives;
    }

    static async Task<Dictionary<(string Method, string Industry), Figures>> EvaluateAsync(List<Row> rows, List<string> mistakes)
    {
        var result = new Dictionary<(string, string), Figures>();
        var ai = UnreachableAi();
        foreach (var industry in rows.Select(r => r.Industry).Distinct())
        {
            var profile = Profile(industry);
            var pool = rows.Where(r => r.Industry == industry && r.Competitor is not null).Select(r => r.Competitor!).Distinct()
                .Select((n, i) => new Item(new Guid(i + 1, 0, 0, new byte[8]), n)).ToList();
            var labels = rows.Where(r => r.Industry == industry && r.Own is not null).ToList();
            var positives = labels.Count(l => l.Competitor is not null);
            foreach (var method in new[] { "old", "fuzzy", "hybrid", "ai" })
            {
                var matcher = new FuzzyMatcher(profile, pool, profileAware: method != "old");
                int picks = 0, correct = 0;
                foreach (var label in labels)
                {
                    var own = new Item(Guid.NewGuid(), label.Own!);
                    var pick = method == "old"
                        ? matcher.Candidates(own, 1).FirstOrDefault(c => c.Confidence >= profile.MinConfidence)
                        : await MatchDecision.DecideAsync(matcher, own, matcher.Candidates(own, take: 15), method, profile, method == "ai" ? ai : new LocalRuleVerifier(), default);
                    if (pick is null)
                    {
                        if (label.Competitor is not null) mistakes.Add($"{method}/{industry} missed: {label.Own} -> {label.Competitor}");
                        continue;
                    }
                    picks++;
                    if (pick.Product.Name == label.Competitor) correct++;
                    else mistakes.Add($"{method}/{industry} wrong: {label.Own} -> {pick.Product.Name} ({pick.Confidence}); truth {label.Competitor ?? "none"}");
                }
                result[(method, industry)] = new Figures(picks, correct, positives);
            }
        }
        foreach (var method in result.Keys.Select(k => k.Item1).Distinct().ToList())
        {
            var all = result.Where(kv => kv.Key.Item1 == method).Select(kv => kv.Value).ToList();
            result[(method, "all")] = new Figures(all.Sum(f => f.Picks), all.Sum(f => f.Correct), all.Sum(f => f.Positives));
        }
        return result;
    }

    [Fact]
    public async Task Precision_and_recall_per_method_on_the_labelled_set()
    {
        var rows = Load();
        Assert.True(rows.Count(r => r.Own is not null) >= 80);
        Assert.True(rows.Select(r => r.Industry).Distinct().Count() >= 4);
        var mistakes = new List<string>();
        var figures = await EvaluateAsync(rows, mistakes);

        var table = new StringBuilder("| method | industry | precision | recall | picks | correct | true pairs |\n|---|---|---|---|---|---|---|\n");
        foreach (var ((method, industry), f) in figures.OrderBy(kv => kv.Key.Method == "old" ? 0 : kv.Key.Method == "fuzzy" ? 1 : kv.Key.Method == "hybrid" ? 2 : 3)
                     .ThenBy(kv => kv.Key.Industry == "all" ? "~" : kv.Key.Industry))
            table.Append($"| {method} | {industry} | {f.Precision:P0} | {f.Recall:P0} | {f.Picks} | {f.Correct} | {f.Positives} |\n");
        output.WriteLine(table.ToString());
        output.WriteLine(string.Join('\n', mistakes.Where(m => !m.StartsWith("old/", StringComparison.Ordinal))));

        var old = figures[("old", "all")];
        var fuzzy = figures[("fuzzy", "all")];
        Assert.True(fuzzy.Precision > old.Precision, $"fuzzy precision {fuzzy.Precision:P0} should beat the old matcher's {old.Precision:P0}");
        Assert.True(fuzzy.Precision >= 0.8 && fuzzy.Recall >= 0.6, $"fuzzy {fuzzy.Precision:P0}/{fuzzy.Recall:P0}");
        Assert.True(figures[("hybrid", "all")].Precision >= 0.8);
    }
}
