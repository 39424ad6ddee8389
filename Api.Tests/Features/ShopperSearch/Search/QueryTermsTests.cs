using Api.Features.ShopperSearch.Common;

namespace Api.Tests.Features.ShopperSearch.Search;

/// <summary>How a text query becomes search terms and relaxation tiers (no database).</summary>
public sealed class QueryTermsTests
{
    [Theory]
    [InlineData("light blue satin leggings", "light blue|satin|leggings")]
    [InlineData("forest green linen tank top", "forest green|linen|tank|top")]
    [InlineData("light gray hoodie", "light grey|hoodie")]
    [InlineData("blue light jacket", "blue|light|jacket")]            // not a colour name in that order
    [InlineData("navy linen shirt", "navy|linen|shirt")]
    [InlineData("light", "light")]
    public void Multi_word_colour_names_become_one_term(string query, string expected) =>
        Assert.Equal(expected, string.Join('|', Colors.JoinNames(QueryText.Terms(query))));

    [Fact]
    public void Tiers_go_from_n_minus_one_terms_down_to_pairs_separated_by_nulls()
    {
        Assert.Empty(SearchEngine.Subsets(["a", "b"]));
        Assert.Equal("a & b,a & c,b & c", Show(SearchEngine.Subsets(["a", "b", "c"])));
        Assert.Equal("a & b & c,a & b & d,a & c & d,b & c & d,|,a & b,a & c,a & d,b & c,b & d,c & d", Show(SearchEngine.Subsets(["a", "b", "c", "d"])));
        var six = SearchEngine.Subsets(["a", "b", "c", "d", "e", "f"]);
        // 6 of five terms, 15 of four, (20 of three skipped: too many scans), 15 pairs
        Assert.Equal([6, 15, 15], Show(six).Split(",|,").Select(t => t.Split(',').Length));
        Assert.Empty(SearchEngine.Subsets(["a", "b", "c", "d", "e", "f", "g"]));
    }

    static string Show(string?[] tiers) => string.Join(',', tiers.Select(t => t ?? "|"));
}
