using System.Text.RegularExpressions;

namespace Api.Features.PriceWatch.Common.Matching;

/// <summary>
/// Model numbers and SKUs in a product name (issue 19 §3), normalised so that case, hyphens, slashes and a space after a short
/// letter prefix do not matter (<c>KX-TGA670B</c> = <c>kxtga670b</c>, <c>TH-42PZ80U</c> = <c>th42pz80u</c>,
/// <c>910-000298</c> = <c>910000298</c>) and compared whole, letters included (<c>th50px80u</c> is not <c>th50pz80u</c>).
/// An identifier mixes letters and digits (at least 4 characters with 2 digits), or is a run of 6 or more digits; spec numbers
/// (a number with a unit: 50ft, 2oz, 100w, 1080p, 12-pack, 1-1/4in; dimensions: 9x11, 4x6in) are not identifiers.
/// </summary>
static partial class Identifiers
{
    static readonly HashSet<string> Units = new(StringComparer.Ordinal)
    {
        "oz", "ml", "cl", "l", "g", "kg", "mg", "lb", "lbs", "in", "inch", "ft", "mm", "cm", "m", "ct", "pk", "pack", "pcs", "dram", "dr", "gal",
        "v", "w", "kw", "mah", "ah", "hz", "khz", "mhz", "ghz", "gb", "tb", "mb", "p", "k", "hr", "hrs", "h", "min", "x", "mp", "db", "rpm", "qt", "pt",
        "hour", "hours", "watt", "watts", "inches", "mbps", "gbps", "kbps", "dpi", "ppm", "fps", "lm", "lumens", "mpx", "megapixel", "volt", "volts",
        "sec", "ms", "yd", "yr", "mo", "ohm", "bit", "gen",
    };

    /// <summary>The identifiers of <paramref name="name"/>, normalised (lower case, no separators).</summary>
    public static HashSet<string> Of(string name)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        var text = name.ToLowerInvariant();
        // compounds joined by hyphens or slashes, and a 1-3 letter prefix before a space and a code that starts with letters ("kx tga670b")
        foreach (Match m in Compound().Matches(text))
        {
            var joined = Separators().Replace(m.Value, "");
            if (IsIdentifier(joined) && !IsSpec(m.Value)) result.Add(joined);
            foreach (var part in Separators().Split(m.Value))
                if (IsIdentifier(part) && !IsSpec(part)) result.Add(part);
        }
        return result;
    }

    static bool IsIdentifier(string s)
    {
        var digits = s.Count(char.IsAsciiDigit);
        var letters = s.Count(char.IsAsciiLetter);
        return letters > 0 ? digits >= 2 && s.Length >= 4 : digits >= 6;
    }

    /// <summary>A number with a unit ("50ft", "12-pack", "2.5oz", "1-1/4in") or dimensions ("9x11", "4x6in").</summary>
    static bool IsSpec(string s) => Spec().Match(s) is { Success: true } m && Units.Contains(m.Groups[1].Value) || Dimensions().IsMatch(s);

    /// <summary>True when both names carry identifiers and none is shared; null when either has none (no evidence).</summary>
    public static bool? Conflict(HashSet<string> a, HashSet<string> b) => a.Count == 0 || b.Count == 0 ? null : !a.Overlaps(b);

    [GeneratedRegex(@"(?<![a-z0-9])(?:[a-z]{1,3} (?=[a-z]+\d))?[a-z0-9]+(?:[-/][a-z0-9]+)*")] private static partial Regex Compound();
    [GeneratedRegex(@"[-/ ]")] private static partial Regex Separators();
    [GeneratedRegex(@"^\d+(?:\.\d+)?x\d+(?:\.\d+)?(?:x\d+(?:\.\d+)?)?[a-z]{0,4}$")] private static partial Regex Dimensions();
    [GeneratedRegex(@"^\d[\d.,/ -]*?[- ]?([a-z]+)$")] private static partial Regex Spec();
}
