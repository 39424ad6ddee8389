using System.Globalization;
using Api.Features.ShopperSearch.Bench;
using Api.Features.ShopperSearch.Common;
using Api.Infrastructure.Database;
using Api.Infrastructure.Integrations.Embeddings;
using Api.Infrastructure.Tenancy;
using Api.Tests.Platform;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Api.Tests.Features.ShopperSearch.Search;

/// <summary>
/// The examples of issue 19 §2 on the hand-written quality catalog (bench/quality/data/catalog.tsv: electronics with sibling
/// model numbers, apparel in several colours, cheap and premium lines), loaded into its own merchant with MiniLM vectors,
/// searched through <see cref="SearchEngine"/> as the text endpoints call it.
/// </summary>
public sealed class RankingTests(ShopperApi api, ITestOutputHelper output) : IClassFixture<ShopperApi>
{
    const long Merchant = 90201;
    static readonly SemaphoreSlim Once = new(1, 1);
    static bool _loaded;
    static List<SearchQualityCommand.Product> _catalog = [];

    async Task<List<string>> Search(string query, string mode = "text", string? color = null, int limit = 10)
    {
        await Once.WaitAsync();
        try
        {
            if (!_loaded)
            {
                _catalog = SearchQualityCommand.LoadCatalog(Path.Combine(MigrationTests.FindRepoRoot(), "bench", "quality", "data", "catalog.tsv"));
                await SearchQualityCommand.LoadIntoDatabaseAsync(api.Services, api.Services.GetRequiredService<LocalEmbedder>(), Merchant, _catalog, default);
                _loaded = true;
            }
        }
        finally { Once.Release(); }
        await using var scope = api.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(Merchant.ToString(CultureInfo.InvariantCulture));
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var engine = scope.ServiceProvider.GetRequiredService<SearchEngine>();
        await using var tx = await db.BeginTenantAsync();
        var version = await scope.ServiceProvider.GetRequiredService<Catalog>().VersionAsync(db, Merchant, default);
        await scope.ServiceProvider.GetRequiredService<VectorIndexes>().BuildNowAsync(Merchant, version, scope.ServiceProvider.GetRequiredService<ITextEmbedder>().Model);
        var parsed = QueryText.ParsePrice(query, null, null);
        var lab = color is null ? (Lab?)null : Colors.Parse(color) is { } c ? Colors.ToLab(c.R, c.G, c.B) : null;
        var hits = await engine.SearchAsync(db, new SearchInput(Merchant, mode, parsed.Text, lab, parsed.MinPrice, parsed.MaxPrice, [], [], [], limit), default);
        await tx.CommitAsync();
        var ids = hits.Select(h => h.Product.ProductId).ToList();
        output.WriteLine($"{mode} '{query}' {color}: " + string.Join(" | ", hits.Select(h => $"{h.Product.ProductId} {h.Product.ProductName} ${h.Product.PriceNumeric} {h.Distance:0.000}")));
        return ids;
    }

    SearchQualityCommand.Product P(string id) => _catalog.Single(p => p.Id == id);

    [Theory]
    [InlineData("kx-tga670b", "EL-001")]
    [InlineData("kxtga670b", "EL-001")]
    [InlineData("KX TGA670B", "EL-001")]
    [InlineData("th-42pz80u", "EL-004")]
    [InlineData("th42pz80u", "EL-004")]
    [InlineData("pn63a650", "EL-008")]
    [InlineData("pn50a650", "EL-007")]
    public async Task A_model_number_finds_that_product_first_with_or_without_separators(string query, string expected)
    {
        var ids = await Search(query);
        Assert.Equal(expected, ids.First());
    }

    [Fact]
    public async Task A_sibling_model_never_outranks_the_asked_one()
    {
        var ids = await Search("pn63a650");
        Assert.True(!ids.Contains("EL-007") || ids.IndexOf("EL-007") > ids.IndexOf("EL-008"));
        ids = await Search("pn50a650");
        Assert.True(!ids.Contains("EL-008") || ids.IndexOf("EL-008") > ids.IndexOf("EL-007"));
    }

    [Fact]
    public async Task An_accessory_query_ranks_accessories_above_the_device()
    {
        var ids = await Search("cigarette lighter adapter for gps");
        Assert.Equal("AC-001", ids.First());
        foreach (var device in new[] { "EL-012", "EL-013" })
            if (ids.Contains(device)) Assert.True(ids.IndexOf(device) > ids.IndexOf("AC-001"));
    }

    [Fact]
    public async Task Cheap_and_premium_rank_by_price_within_the_matched_category()
    {
        var cheap = await Search("cheap t-shirt");
        Assert.Equal("t-shirts", P(cheap[0]).Sub);
        var tees = _catalog.Where(p => p.Sub == "t-shirts").Select(p => p.Price).Order().ToArray();
        Assert.True(P(cheap[0]).Price <= tees[tees.Length / 3], $"first is ${P(cheap[0]).Price}");
        var premium = await Search("premium sheets");
        var sheets = _catalog.Where(p => p.Sub == "sheets").Select(p => p.Price).Order().ToArray();
        Assert.Equal(sheets.Max(), P(premium[0]).Price);
    }

    [Fact]
    public async Task An_occasion_query_puts_fitting_products_first()
    {
        var ids = await Search("something to wear to a job interview");
        var fitting = new[] { "suit jackets", "suit trousers", "blazers" };
        Assert.All(ids.Take(5), id => Assert.Contains(P(id).Sub, fitting));
        Assert.DoesNotContain(ids.Take(5), id => P(id).Sub == "t-shirts");
        var beach = await Search("beach holiday");
        Assert.Contains(P(beach[0]).Sub, new[] { "swimsuits", "swim shorts" });
    }

    [Theory]
    [InlineData("quantum hamster lasagna")]
    [InlineData("purple elephant tractor engine")]
    [InlineData("zzzz 9999 qqq")]
    [InlineData("xqzv blorft")]
    public async Task Nonsense_stays_empty(string query) => Assert.Empty(await Search(query));

    [Fact]
    public async Task Navy_puts_navy_items_first_and_leaves_unrelated_colours_out()
    {
        var blazers = await Search("blazer", "textandcolor", "navy");
        Assert.Equal("navy", P(blazers[0]).Color);
        Assert.Equal("navy", P(blazers[1]).Color);
        Assert.DoesNotContain(blazers, id => P(id).Color is "beige" or "olive" or "white" or "khaki" or "coral");
        var navy = await Search("", "color", "navy", 20);
        Assert.NotEmpty(navy);
        Assert.Equal("navy", P(navy[0]).Color);
        Assert.DoesNotContain(navy, id => P(id).Color is "white" or "khaki" or "coral" or "beige" or "red");
    }
}
