using System.Globalization;
using System.Text.RegularExpressions;

namespace Api.Features.Wholesale.Bills.Extraction;

/// <summary>
/// Units and pack sizes, so a supplier's "6/5 lb" can be priced against our "10 lb": weights in pounds, volumes in litres,
/// counts in pieces. <see cref="Factor"/> is how many of our units make one of theirs (1 when either side is unknown or the
/// two measure different things).
/// </summary>
static partial class PackSizes
{
    public sealed record Pack(string Dimension, decimal Amount);

    public static Pack? Of(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (Multi().Match(text) is { Success: true } m && Unit(m.Groups["u"].Value) is { } mu
            && decimal.TryParse(m.Groups["n"].Value, CultureInfo.InvariantCulture, out var n) && decimal.TryParse(m.Groups["s"].Value, CultureInfo.InvariantCulture, out var s))
            return n is > 0 and <= 1000 && s > 0 ? new Pack(mu.Dimension, n * s * mu.Amount) : null;
        if (Single().Match(text) is { Success: true } o && Unit(o.Groups["u"].Value) is { } ou
            && decimal.TryParse(o.Groups["s"].Value, CultureInfo.InvariantCulture, out var size))
            return size > 0 ? new Pack(ou.Dimension, size * ou.Amount) : null;
        return null;
    }

    /// <summary>
    /// A bill line's pack: its unit when that is a measure ("LB": the price is per pound), else the size in its description.
    /// </summary>
    public static Pack? OfLine(string description, string? unit) =>
        unit is not null && Unit(unit.Trim()) is { } measure && measure.Dimension != "count" ? measure : Of(description) ?? (unit is null ? null : Of(unit));

    /// <summary>Our units per one of theirs: their pack over ours when both are known and comparable, else 1.</summary>
    public static decimal Factor(Pack? theirs, Pack? ours) =>
        theirs is not null && ours is not null && theirs.Dimension == ours.Dimension && ours.Amount > 0
            ? Math.Clamp(theirs.Amount / ours.Amount, 0.001m, 1000m) : 1m;

    static Pack? Unit(string unit) => unit.ToLowerInvariant().TrimEnd('.') switch
    {
        "lb" or "lbs" or "#" or "pound" or "pounds" => new("weight", 1m),
        "oz" or "ounce" or "ounces" => new("weight", 1m / 16m),
        "kg" => new("weight", 2.20462m),
        "g" or "gr" => new("weight", 0.00220462m),
        "gal" or "gallon" or "gallons" => new("volume", 3.78541m),
        "l" or "lt" or "liter" or "liters" or "litre" or "litres" => new("volume", 1m),
        "ml" => new("volume", 0.001m),
        "qt" or "quart" or "quarts" => new("volume", 0.946353m),
        "ct" or "count" or "pc" or "pcs" or "pieces" or "ea" or "each" => new("count", 1m),
        _ => null,
    };

    /// <summary>A description as the catalog spells things: lower case, numbers apart from units, common abbreviations spelled out.</summary>
    public static string NormaliseForMatch(string description)
    {
        var s = description.ToLowerInvariant();
        s = PoundSign().Replace(s, "$1 lb ");
        s = DigitLetter().Replace(s, "$1 $2");
        s = Abbrev().Replace(s, m => m.Value switch { "cs" => "case", "ea" => "each", "pk" => "pack", "lbs" => "lb", "bx" => "box", "bg" => "bag", "gl" => "gal", _ => m.Value });
        s = NonWord().Replace(s, " ");
        return Space().Replace(s, " ").Trim();
    }

    const string Units = "lbs?|#|pounds?|oz|ounces?|kg|gr?|gal|gallons?|l|lt|lit(?:er|re)s?|ml|qt|quarts?|ct|count|pcs?|pieces|ea|each";
    [GeneratedRegex(@"(?<n>\d{1,4})\s*(?:x|/)\s*(?<s>\d+(?:\.\d+)?)\s*(?<u>" + Units + @")(?![a-z])", RegexOptions.IgnoreCase)] private static partial Regex Multi();
    [GeneratedRegex(@"(?<s>\d+(?:\.\d+)?)\s*(?<u>" + Units + @")(?![a-z])", RegexOptions.IgnoreCase)] private static partial Regex Single();
    [GeneratedRegex(@"(\d)\s*#")] private static partial Regex PoundSign();
    [GeneratedRegex(@"(\d)([a-z])")] private static partial Regex DigitLetter();
    [GeneratedRegex(@"\b(?:cs|ea|pk|lbs|bx|bg|gl)\b")] private static partial Regex Abbrev();
    [GeneratedRegex(@"[^a-z0-9. ]")] private static partial Regex NonWord();
    [GeneratedRegex(@"\s+")] private static partial Regex Space();
}
