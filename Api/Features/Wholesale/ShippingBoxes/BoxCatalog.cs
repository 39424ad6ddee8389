namespace Api.Features.Wholesale.ShippingBoxes;

/// <summary>
/// <c>Wholesale:Shipping:*</c>: the box catalog (<c>Boxes</c>: name, inner length/width/height in inches, max_weight_lb,
/// cost) and the weekday shipment summary (<c>SummaryHour</c> in the business time zone, <c>SummaryChannel</c>). An empty or
/// missing <c>Boxes</c> list means <see cref="DefaultBoxes"/>.
/// </summary>
public sealed class ShippingOptions
{
    public const string Section = "Wholesale:Shipping";
    public List<BoxOption> Boxes { get; set; } = [];
    /// <summary>Hour (0-23, business time zone) of the Monday-to-Friday Discord summary; negative turns it off.</summary>
    public int SummaryHour { get; set; } = 8;
    public string SummaryChannel { get; set; } = "shipping";

    public sealed class BoxOption
    {
        public string Name { get; set; } = "";
        public double LengthIn { get; set; }
        public double WidthIn { get; set; }
        public double HeightIn { get; set; }
        public double MaxWeightLb { get; set; }
        public decimal Cost { get; set; }
    }

    public static readonly BoxType[] DefaultBoxes =
    [
        new("Small 8x6x4", 8, 6, 4, 20, 0.85m),
        new("Medium 12x10x8", 12, 10, 8, 40, 1.45m),
        new("Large 18x14x12", 18, 14, 12, 50, 2.40m),
        new("XL 24x18x18", 24, 18, 18, 65, 3.75m),
        new("Jumbo 30x24x24", 30, 24, 24, 70, 6.50m),
    ];

    public IReadOnlyList<BoxType> Catalog() =>
        Boxes.Count == 0 ? DefaultBoxes
            : Boxes.Select(b => new BoxType(b.Name, b.LengthIn, b.WidthIn, b.HeightIn, b.MaxWeightLb, b.Cost)).ToList();
}
