using System.Globalization;
using System.Text.RegularExpressions;

namespace Api.Features.PriceWatch.Common.Matching;

/// <summary>
/// Pack quantity from a product or variant title ("12-pack", "pack of 12", "case of 24", "12 ct", "x12", "12 x 2oz",
/// "2 dozen", "50/case", ...) and price per unit. Sizes such as "4x5" or "4 x 6 in" are not pack counts. No indicator: 1.
/// </summary>
static partial class PackQuantity
{
    const int Max = 100_000;

    static readonly (Regex Pattern, int Factor)[] Rules =
    [
        (OfN(), 1),          // pack of 12, case of 24, box of 100, set of 3, bundle of 6, carton of 500, bag of 50
        (NPack(), 1),        // 12-pack, 12 pack, 12pk, 12 pk, 12-pk, 6pcs pack
        (NCount(), 1),       // 12 ct, 12ct, 100 count, 50 pcs, 25 pieces, 10 units, 12 ea
        (NPerCase(), 1),     // 50/case, 100/pk, 25/box
        (NDozen(), 12),      // 2 dozen
        (XN(), 1),           // x12, x 12 (not 4x5)
        (NXUnit(), 1),       // 12 x 2oz, 6x 750ml
        (Qty(), 1),          // qty 12, qty: 12, quantity 12
    ];

    public static int Extract(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return 1;
        var s = text.ToLowerInvariant().Replace('×', 'x');
        if (HalfDozen().IsMatch(s)) return 6;
        foreach (var (pattern, factor) in Rules)
        {
            var m = pattern.Match(s);
            if (m.Success && int.TryParse(m.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n * factor <= Max)
                return n * factor;
        }
        if (Dozen().IsMatch(s)) return 12;
        return 1;
    }

    public static decimal? PricePerUnit(decimal? price, int pack) => price is { } p && pack >= 1 ? Math.Round(p / pack, 4) : null;

    [GeneratedRegex(@"\b(?:pack|case|box|set|bundle|carton|bag|sleeve|lot|tray|roll)\s+of\s+(?<n>\d{1,6})\b")] private static partial Regex OfN();
    [GeneratedRegex(@"(?<![\d.])(?<n>\d{1,6})\s*-?\s*(?:pack|pk|pks|packs)\b")] private static partial Regex NPack();
    [GeneratedRegex(@"(?<![\d.])(?<n>\d{1,6})\s*-?\s*(?:ct|cnt|count|pcs|pc|pieces|piece|units|unit|ea|each)\b")] private static partial Regex NCount();
    [GeneratedRegex(@"(?<![\d.])(?<n>\d{1,6})\s*/\s*(?:case|cs|pk|pack|box|bx|bag|carton|sleeve)\b")] private static partial Regex NPerCase();
    [GeneratedRegex(@"(?<![\d.])(?<n>\d{1,4})\s+dozen\b")] private static partial Regex NDozen();
    [GeneratedRegex(@"\bhalf\s*-?\s*(?:a\s+)?dozen\b")] private static partial Regex HalfDozen();
    [GeneratedRegex(@"\b(?:a\s+)?dozen\b")] private static partial Regex Dozen();
    [GeneratedRegex(@"(?:^|[\s(\[,-])x\s?(?<n>\d{1,6})(?![\d.]|\s*(?:x|in\b|inch|""|'|mm\b|cm\b|ft\b|oz\b|ml\b|g\b|lb\b|l\b))")] private static partial Regex XN();
    [GeneratedRegex(@"(?<![\d.x])(?<n>\d{1,4})\s*x\s*\d+(?:\.\d+)?\s*(?:oz|fl oz|ml|l|g|kg|lb|lbs|ct)\b")] private static partial Regex NXUnit();
    [GeneratedRegex(@"\b(?:qty|quantity)\s*[:=]?\s*(?<n>\d{1,6})\b")] private static partial Regex Qty();
}
