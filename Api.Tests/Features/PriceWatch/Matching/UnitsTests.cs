using Api.Features.PriceWatch.Common.Matching;

namespace Api.Tests.Features.PriceWatch.Matching;

public sealed class UnitsTests
{
    [Theory]
    [InlineData("3.3oz", "100ml", true)]      // fluid ounces, label rounding
    [InlineData("2.2lb", "1kg", true)]
    [InlineData("4oz", "118ml", true)]
    [InlineData("16oz", "454g", true)]        // weight ounces
    [InlineData("1.75l", "1750ml", true)]
    [InlineData("9x11", "9x11in", true)]      // a dimension without a unit
    [InlineData("24lb", "25lb", false)]       // the next size up is another product
    [InlineData("12oz", "16oz", false)]
    [InlineData("24ct", "20ct", false)]
    [InlineData("4x5", "4x6", false)]
    [InlineData("30dram", "30dram", true)]
    [InlineData("2oz", "2in", false)]         // different dimensions
    public void Sizes_compare_by_value(string a, string b, bool equal) => Assert.Equal(equal, Units.Equal(a, b));

    [Theory]
    [InlineData("Shampoo 16.9 fl oz", "shampoo 16.9 oz")]
    [InlineData("Dog Food 30 lbs", "dog food 30 lb")]
    [InlineData("Pods 24 count", "pods 24 ct")]
    [InlineData("Sandpaper 9\" x 11\"", "sandpaper 9in x 11in")]
    [InlineData("Olaplex no.3", "olaplex no 3")]
    [InlineData("Gin 1 liter", "gin 1 l")]
    public void Unit_spellings_are_normalised(string text, string expected) => Assert.Equal(expected, Units.Normalise(text.ToLowerInvariant()));
}
