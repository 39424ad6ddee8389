using Api.Features.PriceWatch.Common.Matching;

namespace Api.Tests.Features.PriceWatch.Matching;

/// <summary>Model numbers and SKUs: normalised, compared whole with their letters; spec numbers are not identifiers.</summary>
public sealed class IdentifiersTests
{
    static bool Same(string a, string b) => Identifiers.Conflict(Identifiers.Of(a), Identifiers.Of(b)) == false;
    static bool Differ(string a, string b) => Identifiers.Conflict(Identifiers.Of(a), Identifiers.Of(b)) == true;

    [Theory]
    [InlineData("Panasonic KX-TGA670B cordless handset", "panasonic kxtga670b handset")]
    [InlineData("Panasonic TH-42PZ80U 42in plasma", "TH42PZ80U plasma tv")]
    [InlineData("Logitech 910-000298 mouse", "logitech 910000298")]
    [InlineData("Panasonic KX TGA670B", "KX-TGA670B expansion handset")]
    [InlineData("Cable CB/1234X", "cb1234x cable")]
    public void Written_with_or_without_separators_are_the_same(string a, string b) => Assert.True(Same(a, b), $"{a} | {b}");

    [Theory]
    [InlineData("Panasonic TH-50PX80U plasma", "Panasonic TH-50PZ80U plasma")]
    [InlineData("Samsung PN50A650 plasma", "Samsung PN63A650 plasma")]
    public void Letters_and_digits_count_whole(string a, string b) => Assert.True(Differ(a, b), $"{a} | {b}");

    [Fact]
    public void Spec_numbers_are_not_identifiers()
    {
        Assert.Equal([], Identifiers.Of("Garden hose 50ft, 12-pack, 100W, 2.5oz, 1080p").Order());
        Assert.Equal([], Identifiers.Of("3M Sandpaper 120 Grit 9x11 25 sheets, 4x6in").Order());
        Assert.Equal([], Identifiers.Of("Phillips Wood Screws #8 x 1-1/4in 100 pack").Order());
        Assert.Null(Identifiers.Conflict(Identifiers.Of("Garden hose 50ft"), Identifiers.Of("Garden hose 75ft KX-TGA670B")));
        Assert.Empty(Identifiers.Of("Kraft Box 6x9 amber jar 2019"));
    }
}
