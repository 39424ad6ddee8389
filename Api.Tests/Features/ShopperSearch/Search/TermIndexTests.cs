using System.Net.Http.Headers;
using System.Text;
using Api.Features.ShopperSearch.Common;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Api.Tests.Features.ShopperSearch.Search;

/// <summary>The API with every catalog, however small, searched through the in-process index (<c>MemoryIndexMinProducts</c> 0).</summary>
public sealed class ShopperApiMemoryIndex : ShopperApi
{
    protected override IDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(base.Settings) { ["ShopperSearch:Search:MemoryIndexMinProducts"] = "0" };
}

/// <summary>The in-process term index (<see cref="TermIndex"/>): parsing, tiers and filters without a database.</summary>
public sealed class TermIndexUnitTests
{
    [Fact]
    public void Tsvector_text_gives_each_lexeme_its_strongest_weight()
    {
        Assert.Equal([("navi", (byte)1), ("shirt", (byte)3), ("it's", (byte)0), ("bare", (byte)0), ("b", (byte)2)],
            TermIndex.Parse("'navi':3C 'shirt':1A,5 'it''s':7 'bare' 'b':2,4B").ToList());
        Assert.Empty(TermIndex.Parse(""));
        Assert.Empty(TermIndex.Parse(null));
    }

    static TermIndex Sample() => TermIndex.Build(1,
    [
        (1, 40, "womens", "'wombat':1A 'velour':2A 'poncho':3A"),
        (2, 60, "mens", "'wombat':1A 'velour':2A 'cape':3A"),
        (3, 20, "womens", "'wombat':1A 'cotton':2A 'cape':3A"),
        (4, 30, null, "'poncho':5D 'light':1C 'blue':2C"),
        (5, 30, "unisex", "'blue':1C 'light':3C 'scarf':4A"),
    ]);

    static IReadOnlyList<IReadOnlyList<string[]>> Q(params string[] terms) =>
        [.. terms.Select(t => (IReadOnlyList<string[]>)[.. t.Split('|').Select(a => a.Split(' '))])];

    [Fact]
    public void Candidates_come_in_tiers_of_falling_coverage_with_filters()
    {
        var index = Sample();
        Assert.Equal([1L], index.Candidates(Q("wombat", "velour", "poncho"), null, null, [], limit: 1, cap: 100, keep: 100));
        Assert.Equal([1L, 2L], index.Candidates(Q("wombat", "velour", "poncho"), null, null, [], limit: 2, cap: 100, keep: 100));
        Assert.Equal([1L, 2L, 3L, 4L], index.Candidates(Q("wombat", "velour", "poncho"), null, null, [], limit: 10, cap: 100, keep: 100));
        Assert.Equal([2L], index.Candidates(Q("wombat", "velour", "poncho"), null, null, ["mens"], 10, 100, 100));
        Assert.Equal([3L], index.Candidates(Q("wombat", "velour", "poncho"), null, 25, [], 10, 100, 100));
        Assert.Equal([1L, 2L, 4L], index.Candidates(Q("wombat", "velour", "poncho"), 30, 70, [], 10, 100, 100).Order());
        Assert.Equal([1L], index.Candidates(Q("wombat", "velour", "poncho"), null, null, [], 10, 100, keep: 1));
        Assert.Empty(index.Candidates(Q("zebra"), null, null, [], 10, 100, 100));
    }

    [Fact]
    public void An_alternative_matches_when_all_its_lexemes_are_there_and_a_group_counts_once()
    {
        var index = Sample();
        // "light blue" as a phrase alternative, or "navy": rows 4 and 5 hold both lexemes
        Assert.Equal([5L, 4L], index.Candidates(Q("light blue|navi", "scarf"), null, null, [], 10, 100, 100));
        Assert.Equal([4L, 5L], index.Candidates(Q("light blue|blue"), null, null, [], 10, 100, 100));
    }

    [Fact]
    public void Within_a_tier_the_cap_keeps_the_strongest_weights()
    {
        // five rows match one term; the term sits in the name (A) of rows 3 and 5 only
        var index = TermIndex.Build(1, Enumerable.Range(1, 5).Select(i => ((long)i, 10.0, (string?)null, (string?)(i % 2 == 1 && i > 1 ? "'kiwi':1A" : "'kiwi':9D"))));
        Assert.Equal([3L, 5L], index.Candidates(Q("kiwi"), null, null, [], 10, cap: 2, keep: 10));
    }
}

/// <summary>Searches answered through the in-process index: the same pages as SQL, other merchants never seen, writes seen at once.</summary>
public sealed class TermIndexSearchTests(ShopperApiMemoryIndex api, ITestOutputHelper output) : IClassFixture<ShopperApiMemoryIndex>
{
    const long A = 880601, B = 880602;

    HttpClient Admin()
    {
        var c = api.CreateClient();
        c.DefaultRequestHeaders.Authorization = new("Bearer", Shopper.AdminToken);
        return c;
    }

    async Task IngestAsync(long merchant, string ndjson)
    {
        var (status, created) = await Admin().Post($"/api/v1/merchants/{merchant}/keys", new { environment = "test", name = "index" });
        Assert.Equal(201, status);
        var c = api.Merchant(merchant);
        c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)created["key"]!);
        var rsp = await c.PostAsync("/shopper/api/v1/ingest/products", new StringContent(ndjson, new UTF8Encoding(false), "application/x-ndjson"));
        Assert.Equal(200, (int)rsp.StatusCode);
    }

    static string Row(string id, string name, double price, string? status = null) =>
        $$"""{"product_id":"{{id}}","product_name":"{{name}}","price":"{{price:0.00}}","price_numeric":{{price}},"image1":"https://cdn.example.com/{{id}}.jpg"{{(status is null ? "" : $",\"status\":\"{status}\"")}}}""";

    async Task<List<string>> SearchAsync(long merchant, string query, int limit = 10)
    {
        var (status, body) = await api.Merchant(merchant).Post("/api/v0/product/search/text", new { query_str = query, limit });
        Assert.Equal(200, status);
        return Shopper.Ids(body["results"]!["data"]!);
    }

    /// <summary>
    /// The results of <paramref name="query"/> once a search took them from the merchant's index: searches again (a new limit
    /// each time, so never from the cache) until the index is built for the current catalog version (the enrichment pipeline an
    /// ingest starts bumps it again when it finishes).
    /// </summary>
    async Task<(List<string> Ids, TermIndex Index)> SearchThroughIndexAsync(long merchant, string query)
    {
        var indexes = api.Services.GetRequiredService<TermIndexes>();
        for (var i = 0; i < 200; i++)
        {
            var before = indexes.Current(merchant);
            var uses = before?.Uses ?? 0;
            var ids = await SearchAsync(merchant, query, 10 + i);
            if (before is not null && indexes.Current(merchant) == before && before.Uses > uses) return (ids, before);
            await Task.Delay(50);
        }
        throw new TimeoutException($"no search of merchant {merchant} went through its index");
    }

    [Fact]
    public async Task Another_merchants_products_never_come_from_the_index_and_writes_show_at_once()
    {
        await IngestAsync(A, string.Join('\n', Row("A-1", "Quillback Linen Shirt", 40), Row("A-2", "Quillback Wool Scarf", 30)));
        await IngestAsync(B, string.Join('\n', Row("B-1", "Quillback Silk Tie", 20), Row("B-2", "Quillback Linen Shirt", 40)));
        var (first, index) = await SearchThroughIndexAsync(A, "quillback linen shirt");
        Assert.Equal(["A-1", "A-2"], first);
        Assert.Equal(2, index.Count);

        // a write bumps the catalog version: the next search sees it (in SQL while the new index is built), drafts drop out
        await IngestAsync(A, string.Join('\n', Row("A-3", "Quillback Linen Blazer", 90), Row("A-2", "Quillback Wool Scarf", 30, "draft")));
        var after = await SearchAsync(A, "quillback linen");
        Assert.Contains("A-3", after);
        Assert.DoesNotContain("A-2", after);
        var (again, rebuilt) = await SearchThroughIndexAsync(A, "quillback linen");
        Assert.True(rebuilt.Version > index.Version);
        Assert.Equal(["A-1", "A-3"], again.Order());
        Assert.All((await SearchThroughIndexAsync(B, "quillback")).Ids, id => Assert.StartsWith("B-", id));
    }

    [Fact]
    public async Task The_judged_queries_rank_the_same_as_in_sql()
    {
        await api.SeedAsync();
        await SearchThroughIndexAsync(Shopper.Demo, "linen shirt");
        var path = Path.Combine(Api.Tests.Platform.MigrationTests.FindRepoRoot(), "Api.Tests", "Features", "ShopperSearch", "Relevance", "judgments.tsv");
        var queries = File.ReadAllLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')[0]).ToList();
        var indexes = api.Services.GetRequiredService<TermIndexes>();
        var uses = indexes.Current(Shopper.Demo)!.Uses;
        await using var sql = new ShopperApi();
        await sql.SeedAsync();
        var same = 0;
        foreach (var q in queries)
        {
            var fromIndex = await SearchAsync(Shopper.Demo, q);
            var (_, body) = await sql.Merchant(Shopper.Demo).Post("/api/v0/product/search/text", new { query_str = q, limit = 10 });
            var fromSql = Shopper.Ids(body["results"]!["data"]!);
            if (fromIndex.SequenceEqual(fromSql)) same++;
            else output.WriteLine($"{q}: index {string.Join(' ', fromIndex)} | sql {string.Join(' ', fromSql)}");
            Assert.Equal(fromSql.Take(3), fromIndex.Take(3));
        }
        output.WriteLine($"{same} of {queries.Count} pages identical");
        Assert.True(indexes.Current(Shopper.Demo)!.Uses > uses);
    }
}
