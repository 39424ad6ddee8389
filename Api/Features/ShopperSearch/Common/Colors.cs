using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Api.Features.ShopperSearch.Common;

/// <summary>A colour in CIELAB (D65), the space colour search compares in.</summary>
readonly record struct Lab(double L, double A, double B)
{
    public float[] ToArray() => [(float)L, (float)A, (float)B];
    public static Lab? From(float[]? a) => a is { Length: 3 } ? new Lab(a[0], a[1], a[2]) : null;

    /// <summary>CIE76 distance (the metric the SQL uses, so C# and SQL agree).</summary>
    public double DeltaE(Lab o) => Math.Sqrt((L - o.L) * (L - o.L) + (A - o.A) * (A - o.A) + (B - o.B) * (B - o.B));
}

/// <summary>Colour names, parsing of shopper colour input (name, hex, <c>{"rgb":[r,g,b]}</c>) and sRGB → CIELAB / HSV.</summary>
static partial class Colors
{
    // CSS named colours plus the fashion vocabulary catalogs use; multi-word names are matched before single words.
    const string Table = """
        black:000000 white:ffffff grey:808080 gray:808080 red:d62828 orange:f77f00 yellow:fcbf49 green:2a9d4b blue:1f5fbf
        purple:7b2cbf pink:ff8fab brown:7f5539 navy:000080 navy blue:1f2d5c khaki:c3b091 olive:708238 olive green:6b7a3a
        coral:ff7f50 charcoal:36454f charcoal grey:3a3f44 burgundy:800020 maroon:800000 beige:e8dcc4 cream:fffdd0 ivory:fffff0
        taupe:8b7d6b camel:c19a6b mustard:e1ad01 rust:b7410e teal:008080 mint:98ff98 mint green:98d7a5 sage:9caf88 sage green:9caf88
        blush:de98ab blush pink:e8b4bc mauve:b784a7 lavender:b497d6 lilac:c8a2c8 plum:8e4585 wine:722f37 emerald:009b77
        emerald green:009b77 forest green:228b22 dark green:1f4d2b light green:90ee90 sky blue:87ceeb baby blue:a7c7e7 light blue:add8e6
        royal blue:4169e1 cobalt:0047ab cobalt blue:0047ab turquoise:40e0d0 aqua:00c4cc tan:d2b48c chocolate:5d3a1a espresso:4b3621
        sand:d8c3a5 stone:a89f91 nude:e3bc9a champagne:f7e7ce gold:d4af37 silver:c0c0c0 bronze:cd7f32 copper:b87333 rose gold:b76e79
        rose:e8a0a8 fuchsia:d6336c hot pink:ff69b4 magenta:c2185b peach:ffcba4 apricot:fbceb1 terracotta:c8553d brick:8b3a2b
        brick red:9c3b2c ochre:cc7722 lime:a4d65e lime green:7ccd3c chartreuse:b8d432 slate:5a6a7a slate grey:708090 graphite:41424c
        heather grey:9a9a9a light grey:cfcfcf dark grey:4a4a4a off white:f5f3ee ecru:e6dcc3 oatmeal:dcd0ba cognac:9a463d
        tobacco:6f4e37 army green:4b5320 hunter green:355e3b bottle green:006a4e seafoam:93e9be periwinkle:8c9eff indigo:3f3a8c
        cerulean:2a7ab0 midnight blue:191970 midnight:1c1f33 mulberry:70193d raspberry:c72c48 cherry:b0102b cherry red:b0102b
        scarlet:e0301e crimson:b3132b oxblood:4a0f14 ruby:9b111e jade:00a86b pistachio:a8c686 lemon:fff44f canary:ffef00
        marigold:eaa221 saffron:f4c430 sienna:a0522d umber:635147 mocha:6f4e37 caramel:af6f09 honey:d8a23b denim:3b5b8c
        light denim:7a9cc6 dark denim:22324d indigo blue:2e3a87 powder blue:b0e0e6 steel blue:4682b4 petrol:1f5a63 petrol blue:1f5a63
        mustard yellow:d9a404 neon green:39ff14 neon pink:ff3ea5 tangerine:f28500 salmon:fa8072 burnt orange:cc5500 dusty rose:c9a0a0
        dusty pink:d8a7a7 wheat:f5deb3 bone:e3dac9 snow:fffafa jet black:0a0a0a cobalt navy:1d3461 sapphire:0f52ba azure:3f8fe0
        violet:8f00ff amethyst:9966cc eggplant:4b2c3f aubergine:3d0734 grape:6f2da8 fawn:e5aa70 mahogany:c04000 walnut:5c4033
        """;

    public static readonly IReadOnlyList<(string Name, byte R, byte G, byte B, Lab Lab)> Named = Table
        .Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)
        .Aggregate(new List<string>(), (acc, tok) => { if (acc.Count > 0 && !acc[^1].Contains(':')) acc[^1] += " " + tok; else acc.Add(tok); return acc; })
        .Select(entry =>
        {
            var (name, hex) = (entry[..entry.IndexOf(':')], entry[(entry.IndexOf(':') + 1)..]);
            var (r, g, b) = (Convert.ToByte(hex[..2], 16), Convert.ToByte(hex[2..4], 16), Convert.ToByte(hex[4..], 16));
            return (name, r, g, b, ToLab(r, g, b));
        })
        .OrderByDescending(c => c.name.Length).ToList();

    static readonly Dictionary<string, (byte R, byte G, byte B, Lab Lab)> ByName =
        Named.GroupBy(c => c.Name).ToDictionary(g => g.Key, g => (g.First().R, g.First().G, g.First().B, g.First().Lab));

    public static bool IsColorWord(string word) => ByName.ContainsKey(word);

    static readonly int LongestName = Named.Max(c => c.Name.Count(ch => ch == ' ') + 1);

    /// <summary>
    /// Query words with every multi-word colour name joined into one phrase ("light", "blue", "satin" → "light blue", "satin"), so
    /// search treats the colour as one concept: a product must say "light blue", not "light" somewhere and "blue" elsewhere.
    /// </summary>
    public static List<string> JoinNames(List<string> words)
    {
        var joined = new List<string>(words.Count);
        for (var i = 0; i < words.Count; i++)
        {
            var taken = 1;
            for (var len = Math.Min(LongestName, words.Count - i); len >= 2; len--)
            {
                var phrase = string.Join(' ', words.Skip(i).Take(len)).Replace("gray", "grey");
                if (ByName.ContainsKey(phrase)) { joined.Add(phrase); taken = len; break; }
            }
            if (taken == 1) joined.Add(words[i]);
            i += taken - 1;
        }
        return joined;
    }

    /// <summary>Parses shopper input: a name ("navy", "forest green"), hex ("#0a1f44", "0a1f44", "#fff") or {"rgb":[r,g,b]}.</summary>
    public static (byte R, byte G, byte B)? Parse(JsonElement input)
    {
        switch (input.ValueKind)
        {
            case JsonValueKind.String: return Parse(input.GetString());
            case JsonValueKind.Object when input.TryGetProperty("rgb", out var rgb) && rgb.ValueKind == JsonValueKind.Array && rgb.GetArrayLength() == 3:
                var v = rgb.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out var d) && d is >= 0 and <= 255 ? (int?)Math.Round(d) : null).ToArray();
                return v.All(x => x.HasValue) ? ((byte)v[0]!.Value, (byte)v[1]!.Value, (byte)v[2]!.Value) : null;
            case JsonValueKind.Array when input.GetArrayLength() == 3:
                var w = input.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out var d) && d is >= 0 and <= 255 ? (int?)Math.Round(d) : null).ToArray();
                return w.All(x => x.HasValue) ? ((byte)w[0]!.Value, (byte)w[1]!.Value, (byte)w[2]!.Value) : null;
            default: return null;
        }
    }

    public static (byte R, byte G, byte B)? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim().ToLowerInvariant();
        if (Hex().Match(t) is { Success: true } m)
        {
            var h = m.Groups[1].Value;
            if (h.Length == 3) h = string.Concat(h.Select(c => $"{c}{c}"));
            return (Convert.ToByte(h[..2], 16), Convert.ToByte(h[2..4], 16), Convert.ToByte(h[4..], 16));
        }
        if (RgbText().Match(t) is { Success: true } r && byte.TryParse(r.Groups[1].Value, out var rr) && byte.TryParse(r.Groups[2].Value, out var gg) && byte.TryParse(r.Groups[3].Value, out var bb))
            return (rr, gg, bb);
        t = t.Replace("gray", "grey").Replace('-', ' ');
        if (ByName.TryGetValue(t, out var exact)) return (exact.R, exact.G, exact.B);
        return FindInText(t) is { } found ? (found.R, found.G, found.B) : null;
    }

    /// <summary>The longest colour name that occurs as whole words in free text ("Heather Grey / White" → heather grey).</summary>
    public static (string Name, byte R, byte G, byte B)? FindInText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var padded = " " + NonWord().Replace(text.ToLowerInvariant().Replace("gray", "grey"), " ") + " ";
        foreach (var c in Named)
            if (padded.Contains(" " + c.Name + " ", StringComparison.Ordinal)) return (c.Name, c.R, c.G, c.B);
        if (Hex().Match(text.Trim().ToLowerInvariant()) is { Success: true }) return Parse(text) is { } p ? (text.Trim(), p.R, p.G, p.B) : null;
        return null;
    }

    public static string NearestName(Lab lab) => Named.MinBy(c => c.Lab.DeltaE(lab)).Name;

    public static string Canonical((byte R, byte G, byte B) c) => $"[{c.R},{c.G},{c.B}]";

    public static Lab ToLab(byte r, byte g, byte b)
    {
        static double Lin(byte c) { var s = c / 255.0; return s <= 0.04045 ? s / 12.92 : Math.Pow((s + 0.055) / 1.055, 2.4); }
        var (rl, gl, bl) = (Lin(r), Lin(g), Lin(b));
        var x = (rl * 0.4124564 + gl * 0.3575761 + bl * 0.1804375) / 0.95047;
        var y = rl * 0.2126729 + gl * 0.7151522 + bl * 0.0721750;
        var z = (rl * 0.0193339 + gl * 0.1191920 + bl * 0.9503041) / 1.08883;
        static double F(double t) => t > 216.0 / 24389 ? Math.Cbrt(t) : (24389.0 / 27 * t + 16) / 116;
        var (fx, fy, fz) = (F(x), F(y), F(z));
        return new Lab(116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz));
    }

    public static float[] ToHsv(byte r, byte g, byte b)
    {
        double rd = r / 255.0, gd = g / 255.0, bd = b / 255.0;
        double max = Math.Max(rd, Math.Max(gd, bd)), min = Math.Min(rd, Math.Min(gd, bd)), d = max - min;
        double h = d == 0 ? 0 : max == rd ? 60 * (((gd - bd) / d) % 6) : max == gd ? 60 * ((bd - rd) / d + 2) : 60 * ((rd - gd) / d + 4);
        if (h < 0) h += 360;
        return [(float)h, (float)(max == 0 ? 0 : d / max), (float)max];
    }

    public static string Format(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^#?([0-9a-f]{6}|[0-9a-f]{3})$")] private static partial Regex Hex();
    [GeneratedRegex(@"^rgb\s*\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*\)$")] private static partial Regex RgbText();
    [GeneratedRegex(@"[^a-z0-9#]+")] private static partial Regex NonWord();
}
