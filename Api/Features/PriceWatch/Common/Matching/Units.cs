using System.Globalization;
using System.Text.RegularExpressions;

namespace Api.Features.PriceWatch.Common.Matching;

/// <summary>
/// Unit spelling and size comparison shared by the matcher and the verifier. Sizes are compared by value: 3.3 oz equals
/// 100 ml and 2.2 lb equals 1 kg within 5 %; "oz" counts as weight or fluid ounces; a dimension without a unit equals the
/// same dimension with one ("9x11" and "9x11in").
/// </summary>
static partial class Units
{
    public enum SizeRelation { Same, Overlap, Different }

    /// <summary>One spelling per unit: "fl oz"/ounces → oz, lbs/pounds → lb, count → ct, liters → l, inch/" → in, feet → ft, grams → g.</summary>
    public static string Normalise(string text)
    {
        text = FlOz().Replace(text, "oz");
        text = AbbrevNumber().Replace(text, "$1 $2");   // "no.3" → "no 3"
        text = Inches().Replace(text, "$1in");
        return Words().Replace(text, m => m.Value switch
        {
            "ounce" or "ounces" => "oz", "lbs" or "pound" or "pounds" => "lb", "count" => "ct", "liter" or "liters" or "litre" or "litres" => "l",
            "inch" or "inches" => "in", "feet" or "foot" => "ft", "gram" or "grams" => "g", "milliliter" or "milliliters" or "millilitre" or "millilitres" => "ml",
            _ => m.Value,
        });
    }

    static readonly Dictionary<string, (char Dimension, double Factor)> Factors = new(StringComparer.Ordinal)
    {
        ["mg"] = ('m', 0.001), ["g"] = ('m', 1), ["kg"] = ('m', 1000), ["lb"] = ('m', 453.592), ["lbs"] = ('m', 453.592),
        ["ml"] = ('v', 1), ["cl"] = ('v', 10), ["l"] = ('v', 1000), ["gal"] = ('v', 3785.41),
        ["mm"] = ('l', 1), ["cm"] = ('l', 10), ["in"] = ('l', 25.4), ["ft"] = ('l', 304.8),
    };

    sealed record Size(double[] Values, string Unit);

    static Size? Parse(string token)
    {
        var m = SizeToken().Match(token);
        if (!m.Success) return null;
        var values = new List<double>();
        foreach (Capture c in m.Groups["n"].Captures)
        {
            var parts = c.Value.Split('/');
            if (parts.Length == 2)
            {
                if (!double.TryParse(parts[0], CultureInfo.InvariantCulture, out var num) || !double.TryParse(parts[1], CultureInfo.InvariantCulture, out var den) || den == 0) return null;
                values.Add(num / den);
            }
            else if (double.TryParse(c.Value, CultureInfo.InvariantCulture, out var v)) values.Add(v);
            else return null;
        }
        return new Size(values.ToArray(), m.Groups["unit"].Value);
    }

    /// <summary>In base units; "oz" has two readings (weight and fluid).</summary>
    static IEnumerable<(char Dimension, double Value)> Readings(double value, string unit)
    {
        if (unit == "oz") { yield return ('m', value * 28.3495); yield return ('v', value * 29.5735); }
        else if (Factors.TryGetValue(unit, out var f)) yield return (f.Dimension, value * f.Factor);
    }

    /// <summary>3 %: label rounding (3.3 oz ≈ 100 ml ≈ 3.4 oz, 2.2 lb ≈ 1 kg), not the next size up (24 vs 25 lb).</summary>
    static bool Close(double a, double b) => Math.Abs(a - b) <= 0.03 * Math.Max(Math.Abs(a), Math.Abs(b));

    public static bool Equal(string x, string y)
    {
        if (x == y) return true;
        if (Parse(x) is not { } a || Parse(y) is not { } b || a.Values.Length != b.Values.Length) return false;
        if (a.Unit.Length == 0 || b.Unit.Length == 0)   // "9x11" and "9x11in"; a bare number is no size to compare
            return a.Values.Length > 1 && a.Values.Zip(b.Values).All(p => Math.Abs(p.First - p.Second) < 1e-9);
        if (a.Unit == b.Unit && !Factors.ContainsKey(a.Unit) && a.Unit != "oz")   // ct, dram, v, ah: exact
            return a.Values.Zip(b.Values).All(p => Math.Abs(p.First - p.Second) < 1e-9);
        return a.Values.Zip(b.Values).All(p => Readings(p.First, a.Unit).Any(ra => Readings(p.Second, b.Unit).Any(rb => ra.Dimension == rb.Dimension && Close(ra.Value, rb.Value))));
    }

    public static SizeRelation Relation(HashSet<string> a, HashSet<string> b)
    {
        if (a.SetEquals(b)) return SizeRelation.Same;   // the common case, without parsing
        var matchedA = a.Count(x => b.Any(y => Equal(x, y)));
        if (matchedA == 0) return SizeRelation.Different;
        var matchedB = b.Count(y => a.Any(x => Equal(x, y)));
        return matchedA == a.Count && matchedB == b.Count ? SizeRelation.Same : SizeRelation.Overlap;
    }

    [GeneratedRegex(@"\bfl\.?\s?oz\b")] private static partial Regex FlOz();
    [GeneratedRegex(@"(\d)""")] private static partial Regex Inches();
    [GeneratedRegex(@"\b([a-z]+)\.(\d)")] private static partial Regex AbbrevNumber();
    [GeneratedRegex(@"\b(?:ounces?|lbs|pounds?|count|lit(?:er|re)s?|inch(?:es)?|feet|foot|grams?|millilit(?:er|re)s?)\b")] private static partial Regex Words();
    [GeneratedRegex(@"^(?<n>\d+(?:[./]\d+)?)(?:x(?<n>\d+(?:[./]\d+)?))*(?<unit>[a-z]*)$")] private static partial Regex SizeToken();
}
