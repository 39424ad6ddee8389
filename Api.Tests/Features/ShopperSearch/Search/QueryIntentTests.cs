using Api.Features.ShopperSearch.Common;

namespace Api.Tests.Features.ShopperSearch.Search;

/// <summary>Price words, occasions, identifiers and colour differences of issue 19 §2 (no database).</summary>
public sealed class QueryIntentTests
{
    /// <summary>Sharma, Wu and Dalal (2005), Table 1: all 34 pairs with their published CIEDE2000 difference, both directions.</summary>
    public static readonly TheoryData<double, double, double, double, double, double, double> SharmaPairs = new()
    {
        { 50.0000, 2.6772, -79.7751, 50.0000, 0.0000, -82.7485, 2.0425 },
        { 50.0000, 3.1571, -77.2803, 50.0000, 0.0000, -82.7485, 2.8615 },
        { 50.0000, 2.8361, -74.0200, 50.0000, 0.0000, -82.7485, 3.4412 },
        { 50.0000, -1.3802, -84.2814, 50.0000, 0.0000, -82.7485, 1.0000 },
        { 50.0000, -1.1848, -84.8006, 50.0000, 0.0000, -82.7485, 1.0000 },
        { 50.0000, -0.9009, -85.5211, 50.0000, 0.0000, -82.7485, 1.0000 },
        { 50.0000, 0.0000, 0.0000, 50.0000, -1.0000, 2.0000, 2.3669 },
        { 50.0000, -1.0000, 2.0000, 50.0000, 0.0000, 0.0000, 2.3669 },
        { 50.0000, 2.4900, -0.0010, 50.0000, -2.4900, 0.0009, 7.1792 },
        { 50.0000, 2.4900, -0.0010, 50.0000, -2.4900, 0.0010, 7.1792 },
        { 50.0000, 2.4900, -0.0010, 50.0000, -2.4900, 0.0011, 7.2195 },
        { 50.0000, 2.4900, -0.0010, 50.0000, -2.4900, 0.0012, 7.2195 },
        { 50.0000, -0.0010, 2.4900, 50.0000, 0.0009, -2.4900, 4.8045 },
        { 50.0000, -0.0010, 2.4900, 50.0000, 0.0010, -2.4900, 4.8045 },
        { 50.0000, -0.0010, 2.4900, 50.0000, 0.0011, -2.4900, 4.7461 },
        { 50.0000, 2.5000, 0.0000, 50.0000, 0.0000, -2.5000, 4.3065 },
        { 50.0000, 2.5000, 0.0000, 73.0000, 25.0000, -18.0000, 27.1492 },
        { 50.0000, 2.5000, 0.0000, 61.0000, -5.0000, 29.0000, 22.8977 },
        { 50.0000, 2.5000, 0.0000, 56.0000, -27.0000, -3.0000, 31.9030 },
        { 50.0000, 2.5000, 0.0000, 58.0000, 24.0000, 15.0000, 19.4535 },
        { 50.0000, 2.5000, 0.0000, 50.0000, 3.1736, 0.5854, 1.0000 },
        { 50.0000, 2.5000, 0.0000, 50.0000, 3.2972, 0.0000, 1.0000 },
        { 50.0000, 2.5000, 0.0000, 50.0000, 1.8634, 0.5757, 1.0000 },
        { 50.0000, 2.5000, 0.0000, 50.0000, 3.2592, 0.3350, 1.0000 },
        { 60.2574, -34.0099, 36.2677, 60.4626, -34.1751, 39.4387, 1.2644 },
        { 63.0109, -31.0961, -5.8663, 62.8187, -29.7946, -4.0864, 1.2630 },
        { 61.2901, 3.7196, -5.3901, 61.4292, 2.2480, -4.9620, 1.8731 },
        { 35.0831, -44.1164, 3.7933, 35.0232, -40.0716, 1.5901, 1.8645 },
        { 22.7233, 20.0904, -46.6940, 23.0331, 14.9730, -42.5619, 2.0373 },
        { 36.4612, 47.8580, 18.3852, 36.2715, 50.5065, 21.2231, 1.4146 },
        { 90.8027, -2.0831, 1.4410, 91.1528, -1.6435, 0.0447, 1.4441 },
        { 90.9257, -0.5406, -0.9208, 88.6381, -0.8985, -0.7239, 1.5381 },
        { 6.7747, -0.2908, -2.4247, 5.8714, -0.0985, -2.2286, 0.6377 },
        { 2.0776, 0.0795, -1.1350, 0.9033, -0.0636, -0.5514, 0.9082 },
    };

    [Theory]
    [MemberData(nameof(SharmaPairs))]
    public void Ciede2000_matches_the_published_Sharma_pairs(double l1, double a1, double b1, double l2, double a2, double b2, double expected)
    {
        var (x, y) = (new Lab(l1, a1, b1), new Lab(l2, a2, b2));
        Assert.Equal(expected, x.DeltaE2000(y), 4);
        Assert.Equal(expected, y.DeltaE2000(x), 4);
        Assert.Equal(0, x.DeltaE2000(x), 9);
    }

    [Fact]
    public void Named_colours_cover_css_and_fashion_names_and_navy_is_nearer_navy_blue_than_cobalt()
    {
        foreach (var name in new[] { "navy", "burgundy", "olive", "charcoal", "camel", "rebeccapurple", "dark slate grey", "darkslategray",
                     "papaya whip", "cornflower blue", "medium sea green", "teal", "mustard", "oxblood" })
            Assert.True(Colors.Parse(name) is not null, name);
        Assert.Equal((byte)0, Colors.Parse("navy")!.Value.R);    // CSS navy #000080, the documented cache key
        Lab Of(string n) { var c = Colors.Parse(n)!.Value; return Colors.ToLab(c.R, c.G, c.B); }
        var navy = Of("navy");
        Assert.True(navy.DeltaE2000(Of("navy blue")) < navy.DeltaE2000(Of("cobalt")));
        Assert.True(navy.DeltaE2000(Of("navy blue")) < SearchEngine.ColorCutoff);
        foreach (var unrelated in new[] { "white", "khaki", "coral", "black", "red" })
            Assert.True(navy.DeltaE2000(Of(unrelated)) > SearchEngine.ColorCutoff, unrelated);
        // colour names that are also materials are not colours inside free text
        Assert.Null(Colors.FindInText("linen shirt"));
        Assert.Equal("sage green", Colors.FindInText("Sage Green Percale Sheets")!.Value.Name);
    }

    [Theory]
    [InlineData("cheap t-shirt", "Low", "t-shirt")]
    [InlineData("affordable dutch oven", "Low", "dutch oven")]
    [InlineData("budget french press", "Low", "french press")]
    [InlineData("premium sheets", "High", "sheets")]
    [InlineData("luxury sweater", "High", "sweater")]
    [InlineData("expensive watch", "High", "watch")]
    [InlineData("high-end headphones", "High", "headphones")]
    [InlineData("cheap", "None", "cheap")]                 // nothing left to search for: the word stays text
    [InlineData("navy blazer", "None", "navy blazer")]
    public void Price_words_become_a_relative_band(string query, string band, string text)
    {
        var (b, t) = QueryIntent.TakePriceWords(query);
        Assert.Equal(band, b.ToString());
        Assert.Equal(text, t);
    }

    [Theory]
    [InlineData("something to wear to a job interview", "job interview")]
    [InlineData("wedding guest dress", "wedding guest")]
    [InlineData("beach holiday", "beach holiday")]
    [InlineData("black tie gala", "black tie")]
    [InlineData("running shoes", null)]      // item words are never occasions
    [InlineData("rain jacket", null)]
    [InlineData("beach towel", null)]
    public void Occasions_come_from_the_table(string query, string? trigger) =>
        Assert.Equal(trigger, QueryIntent.FindOccasion(query)?.Trigger);

    [Theory]
    [InlineData("kx-tga670b", "kxtga670b")]
    [InlineData("KX TGA670B", "kxtga670b")]
    [InlineData("kxtga670b", "kxtga670b")]
    [InlineData("th-42pz80u", "th42pz80u")]
    [InlineData("KX/TGA670B", "kxtga670b")]
    [InlineData("910-000298", "910000298")]
    public void Identifiers_are_compared_without_separators(string query, string id) =>
        Assert.Contains(id, QueryIntent.QueryIdentifiers(query));

    [Fact]
    public void Specifications_are_not_identifiers_and_accessories_name_the_device_they_fit()
    {
        Assert.Empty(QueryIntent.QueryIdentifiers("42 inch plasma tv 1080p 500gb"));
        Assert.Empty(QueryIntent.QueryIdentifiers("navy blazer"));
        var (own, fits) = (new HashSet<string>(), new HashSet<string>());
        QueryIntent.ProductIdentifiers("Lenmar Battery for Canon PowerShot SD1100 IS", "EL-040", own, fits);
        Assert.Contains("sd1100", fits);
        Assert.DoesNotContain("sd1100", own);
        own.Clear(); fits.Clear();
        QueryIntent.ProductIdentifiers("Samsung PN63A650 63-Inch Plasma HDTV", null, own, fits);
        Assert.Contains("pn63a650", own);
        Assert.DoesNotContain("pn50a650", own);
        Assert.DoesNotContain("63inch", own);
        var index = new IdentifierIndex(1, [(1, "Samsung PN50A650 50-Inch Plasma", "S1"), (2, "Samsung PN63A650 63-Inch Plasma", "S2"),
            (3, "Wall Mount for Samsung PN63A650", "S3")]);
        Assert.Equal([2L], index.Find(["pn63a650"]).Own);
        Assert.Equal([3L], index.Find(["pn63a650"]).Fits);
        Assert.Equal([1L], index.Find(["pn50a650"]).Own);
    }

    [Fact]
    public void For_splits_an_accessory_query_into_what_is_wanted_and_what_it_fits()
    {
        Assert.Equal(("cigarette lighter adapter", "gps"), SearchEngine.SplitFor("cigarette lighter adapter for gps"));
        Assert.Equal(("navy blazer", ""), SearchEngine.SplitFor("navy blazer"));
    }

    [Fact]
    public void The_local_recommendation_states_what_was_found()
    {
        var top = new List<ProductRow>
        {
            new() { ProductName = "Black Budget Cotton Tee", PriceNumeric = 9, Brand = "Basics" },
            new() { ProductName = "Navy Crew Neck T-Shirt", PriceNumeric = 24 },
            new() { ProductName = "White Crew Neck T-Shirt", PriceNumeric = 24.5 },
            new() { ProductName = "Pink Oxford Cotton Shirt", PriceNumeric = 75 },
        };
        var text = Recommender.Local("cheap t-shirt", null, null, null, top, new ShopperContext());
        Assert.Equal("Here are 4 picks for \"cheap t-shirt\", from $9 to $75. I'd start with the Black Budget Cotton Tee at $9 from Basics; "
                     + "the Navy Crew Neck T-Shirt ($24) and White Crew Neck T-Shirt ($24.5) are worth a look too.", text);
        Assert.Contains("couldn't find anything for \"zxqv\"", Recommender.Local("zxqv", null, null, null, [], new ShopperContext()));
    }
}
