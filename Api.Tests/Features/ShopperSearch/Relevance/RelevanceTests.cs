using System.Globalization;
using Api.Tests.Platform;
using Xunit.Abstractions;

namespace Api.Tests.Features.ShopperSearch.Relevance;

/// <summary>
/// Ranking quality of text search on the demo catalog: NDCG@10 over the graded judgments in <c>judgments.tsv</c>
/// (gain 2^grade − 1, log2 discount, ideal ranking from all judged products), asserted against a floor.
/// </summary>
public sealed class RelevanceTests(ShopperApi api, ITestOutputHelper output) : IClassFixture<ShopperApi>
{
    const double Floor = 0.85;   // measured 0.912 when the set was written (24 queries)

    [Fact]
    public async Task Text_search_ndcg_at_10_stays_above_the_floor()
    {
        await api.SeedAsync();
        var path = Path.Combine(MigrationTests.FindRepoRoot(), "Api.Tests", "Features", "ShopperSearch", "Relevance", "judgments.tsv");
        var judged = File.ReadAllLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(Parse).ToList();
        Assert.True(judged.Count >= 20);

        var client = api.Merchant(Shopper.Demo);
        var scores = new List<double>();
        foreach (var (query, grades) in judged)
        {
            var (status, body) = await client.Post("/api/v0/product/search/text", new { query_str = query, limit = 10 });
            Assert.Equal(200, status);
            var ranked = Shopper.Ids(body["results"]!["data"]!);
            var ndcg = Ndcg(ranked, grades, 10);
            scores.Add(ndcg);
            output.WriteLine($"{ndcg:0.000}  {query,-24} → {string.Join(' ', ranked.Take(5))}");
        }
        var mean = scores.Average();
        output.WriteLine($"mean NDCG@10 = {mean:0.000} over {scores.Count} queries");
        Assert.True(mean >= Floor, $"mean NDCG@10 {mean:0.000} is below the floor {Floor}");
    }

    [Fact]
    public void Ndcg_is_one_for_the_ideal_ranking_and_less_otherwise()
    {
        var grades = new Dictionary<string, int> { ["a"] = 3, ["b"] = 1 };
        Assert.Equal(1.0, Ndcg(["a", "b", "c"], grades, 10), 6);
        Assert.InRange(Ndcg(["b", "a"], grades, 10), 0.5, 0.99);
        Assert.Equal(0.0, Ndcg(["c"], grades, 10));
    }

    static (string Query, Dictionary<string, int> Grades) Parse(string line)
    {
        var parts = line.Split('\t');
        var grades = parts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=')).ToDictionary(p => p[0], p => int.Parse(p[1], CultureInfo.InvariantCulture));
        return (parts[0], grades);
    }

    static double Ndcg(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> grades, int k)
    {
        static double Dcg(IEnumerable<int> gains) => gains.Select((g, i) => (Math.Pow(2, g) - 1) / Math.Log2(i + 2)).Sum();
        var ideal = Dcg(grades.Values.OrderDescending().Take(k));
        return ideal == 0 ? 0 : Dcg(ranked.Take(k).Select(id => grades.GetValueOrDefault(id))) / ideal;
    }
}
