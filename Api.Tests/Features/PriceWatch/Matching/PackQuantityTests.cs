using Api.Features.PriceWatch.Common.Matching;

namespace Api.Tests.Features.PriceWatch.Matching;

public sealed class PackQuantityTests
{
    [Theory]
    [InlineData("Mylar Bag 4x5 - 12-pack", 12)]
    [InlineData("Mylar Bag 4x5 12 pack", 12)]
    [InlineData("Glass Jar 2oz 24pk", 24)]
    [InlineData("Glass Jar 2oz (Pack of 12)", 12)]
    [InlineData("Pop Top Tube Case of 24", 24)]
    [InlineData("Kraft box - box of 100", 100)]
    [InlineData("Dropper bottle 12 ct", 12)]
    [InlineData("Dropper bottle 12ct", 12)]
    [InlineData("Labels 500 count roll", 500)]
    [InlineData("Lids 50 pcs", 50)]
    [InlineData("Jar x12", 12)]
    [InlineData("Jar 2oz x 6", 6)]
    [InlineData("Sparkling water 12 x 355ml", 12)]
    [InlineData("Beer 6x 330ml", 6)]
    [InlineData("Tubes 50/case", 50)]
    [InlineData("Bags 100 / pk", 100)]
    [InlineData("Eggs 2 dozen", 24)]
    [InlineData("Eggs dozen", 12)]
    [InlineData("Eggs half dozen", 6)]
    [InlineData("Sample set of 3", 3)]
    [InlineData("Qty: 250 stickers", 250)]
    [InlineData("Mylar Bag 4x5", 1)]
    [InlineData("Mylar Bag 4 x 6 in", 1)]
    [InlineData("Box 6x9x3", 1)]
    [InlineData("Glass Jar 2oz", 1)]
    [InlineData("1.5 L bottle", 1)]
    [InlineData("", 1)]
    [InlineData(null, 1)]
    [InlineData("Default Title", 1)]
    public void Extracts_pack_quantity(string? title, int expected) => Assert.Equal(expected, PackQuantity.Extract(title));

    [Theory]
    [InlineData(24.00, 12, 2.0)]
    [InlineData(10.00, 3, 3.3333)]
    [InlineData(5.00, 1, 5.0)]
    public void Price_per_unit(decimal price, int pack, decimal ppu) => Assert.Equal(ppu, PackQuantity.PricePerUnit(price, pack));
}
