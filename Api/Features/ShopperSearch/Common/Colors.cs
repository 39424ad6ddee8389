using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Api.Features.ShopperSearch.Common;

/// <summary>A colour in CIELAB (D65), the space colour search compares in.</summary>
readonly record struct Lab(double L, double A, double B)
{
    public float[] ToArray() => [(float)L, (float)A, (float)B];
    public static Lab? From(float[]? a) => a is { Length: 3 } ? new Lab(a[0], a[1], a[2]) : null;

    /// <summary>CIE76 distance: the metric the SQL pre-selection (<c>shopper.delta_e</c>) and the image k-means use.</summary>
    public double DeltaE(Lab o) => Math.Sqrt((L - o.L) * (L - o.L) + (A - o.A) * (A - o.A) + (B - o.B) * (B - o.B));

    /// <summary>
    /// CIEDE2000 colour difference (CIE 142-2001; k_L = k_C = k_H = 1), implemented as in Sharma, Wu and Dalal, "The CIEDE2000
    /// color-difference formula: implementation notes, supplementary test data, and mathematical observations" (Color Res.
    /// Appl. 30(1), 2005), and tested against that paper's 34 pairs. Unlike CIE76 it weighs hue and chroma differences less for
    /// saturated colours and lightness differences less far from mid-grey, so a fashion navy is nearer to CSS navy than cobalt is.
    /// </summary>
    public double DeltaE2000(Lab o)
    {
        const double Pow25To7 = 6103515625.0;   // 25^7
        var (l1, a1, b1, l2, a2, b2) = (L, A, B, o.L, o.A, o.B);
        var cBar = (Math.Sqrt(a1 * a1 + b1 * b1) + Math.Sqrt(a2 * a2 + b2 * b2)) / 2;
        var cBar7 = Math.Pow(cBar, 7);
        var g = 0.5 * (1 - Math.Sqrt(cBar7 / (cBar7 + Pow25To7)));
        var (a1p, a2p) = ((1 + g) * a1, (1 + g) * a2);
        var (c1p, c2p) = (Math.Sqrt(a1p * a1p + b1 * b1), Math.Sqrt(a2p * a2p + b2 * b2));
        var h1p = c1p == 0 ? 0 : Hue(b1, a1p);
        var h2p = c2p == 0 ? 0 : Hue(b2, a2p);
        var dLp = l2 - l1;
        var dCp = c2p - c1p;
        double dhp = 0;
        if (c1p * c2p != 0)
        {
            dhp = h2p - h1p;
            if (dhp > 180) dhp -= 360;
            else if (dhp < -180) dhp += 360;
        }
        var dHp = 2 * Math.Sqrt(c1p * c2p) * Math.Sin(Rad(dhp / 2));
        var lBarP = (l1 + l2) / 2;
        var cBarP = (c1p + c2p) / 2;
        double hBarP;
        if (c1p * c2p == 0) hBarP = h1p + h2p;
        else if (Math.Abs(h1p - h2p) <= 180) hBarP = (h1p + h2p) / 2;
        else hBarP = h1p + h2p < 360 ? (h1p + h2p + 360) / 2 : (h1p + h2p - 360) / 2;
        var t = 1 - 0.17 * Math.Cos(Rad(hBarP - 30)) + 0.24 * Math.Cos(Rad(2 * hBarP)) + 0.32 * Math.Cos(Rad(3 * hBarP + 6))
              - 0.20 * Math.Cos(Rad(4 * hBarP - 63));
        var dTheta = 30 * Math.Exp(-Math.Pow((hBarP - 275) / 25, 2));
        var cBarP7 = Math.Pow(cBarP, 7);
        var rC = 2 * Math.Sqrt(cBarP7 / (cBarP7 + Pow25To7));
        var l50 = (lBarP - 50) * (lBarP - 50);
        var sL = 1 + 0.015 * l50 / Math.Sqrt(20 + l50);
        var sC = 1 + 0.045 * cBarP;
        var sH = 1 + 0.015 * cBarP * t;
        var rT = -Math.Sin(Rad(2 * dTheta)) * rC;
        var (x, y, z) = (dLp / sL, dCp / sC, dHp / sH);
        return Math.Sqrt(Math.Max(0, x * x + y * y + z * z + rT * y * z));

        static double Rad(double deg) => deg * Math.PI / 180;
        static double Hue(double b, double a) { var h = Math.Atan2(b, a) * 180 / Math.PI; return h < 0 ? h + 360 : h; }
    }
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

    /// <summary>
    /// The CSS Color Module Level 4 named colours (the X11 set), written as words ("dark slate grey"); each also answers to its
    /// CSS spelling without spaces ("darkslategray"). Where a name is also in <see cref="Table"/>, the fashion value wins
    /// (except navy, which stays CSS navy #000080 as the documented cache key shows).
    /// </summary>
    const string CssTable = """
        alice blue:f0f8ff antique white:faebd7 aqua:00ffff aquamarine:7fffd4 azure:f0ffff beige:f5f5dc bisque:ffe4c4 black:000000
        blanched almond:ffebcd blue:0000ff blue violet:8a2be2 brown:a52a2a burlywood:deb887 cadet blue:5f9ea0 chartreuse:7fff00
        chocolate:d2691e coral:ff7f50 cornflower blue:6495ed cornsilk:fff8dc crimson:dc143c cyan:00ffff dark blue:00008b
        dark cyan:008b8b dark goldenrod:b8860b dark grey:a9a9a9 dark green:006400 dark khaki:bdb76b dark magenta:8b008b
        dark olive green:556b2f dark orange:ff8c00 dark orchid:9932cc dark red:8b0000 dark salmon:e9967a dark sea green:8fbc8f
        dark slate blue:483d8b dark slate grey:2f4f4f dark turquoise:00ced1 dark violet:9400d3 deep pink:ff1493
        deep sky blue:00bfff dim grey:696969 dodger blue:1e90ff firebrick:b22222 floral white:fffaf0 forest green:228b22
        fuchsia:ff00ff gainsboro:dcdcdc ghost white:f8f8ff gold:ffd700 goldenrod:daa520 grey:808080 green:008000
        green yellow:adff2f honeydew:f0fff0 hot pink:ff69b4 indian red:cd5c5c indigo:4b0082 ivory:fffff0 khaki:f0e68c
        lavender:e6e6fa lavender blush:fff0f5 lawn green:7cfc00 lemon chiffon:fffacd light blue:add8e6 light coral:f08080
        light cyan:e0ffff light goldenrod yellow:fafad2 light grey:d3d3d3 light green:90ee90 light pink:ffb6c1
        light salmon:ffa07a light sea green:20b2aa light sky blue:87cefa light slate grey:778899 light steel blue:b0c4de
        light yellow:ffffe0 lime:00ff00 lime green:32cd32 linen:faf0e6 magenta:ff00ff maroon:800000 medium aquamarine:66cdaa
        medium blue:0000cd medium orchid:ba55d3 medium purple:9370db medium sea green:3cb371 medium slate blue:7b68ee
        medium spring green:00fa9a medium turquoise:48d1cc medium violet red:c71585 midnight blue:191970 mint cream:f5fffa
        misty rose:ffe4e1 moccasin:ffe4b5 navajo white:ffdead navy:000080 old lace:fdf5e6 olive:808000 olive drab:6b8e23
        orange:ffa500 orange red:ff4500 orchid:da70d6 pale goldenrod:eee8aa pale green:98fb98 pale turquoise:afeeee
        pale violet red:db7093 papaya whip:ffefd5 peach puff:ffdab9 peru:cd853f pink:ffc0cb plum:dda0dd powder blue:b0e0e6
        purple:800080 rebecca purple:663399 red:ff0000 rosy brown:bc8f8f royal blue:4169e1 saddle brown:8b4513 salmon:fa8072
        sandy brown:f4a460 sea green:2e8b57 seashell:fff5ee sienna:a0522d silver:c0c0c0 sky blue:87ceeb slate blue:6a5acd
        slate grey:708090 snow:fffafa spring green:00ff7f steel blue:4682b4 tan:d2b48c teal:008080 thistle:d8bfd8
        tomato:ff6347 turquoise:40e0d0 violet:ee82ee wheat:f5deb3 white:ffffff white smoke:f5f5f5 yellow:ffff00
        yellow green:9acd32
        """;

    /// <summary>
    /// Colour names that are also common words for materials, plants, foods or places ("linen shirt", "moccasin slippers"):
    /// they are colours when given as the colour input, not when found in free text.
    /// </summary>
    static readonly HashSet<string> NotInText = new(StringComparer.Ordinal)
    {
        "linen", "moccasin", "tomato", "orchid", "honeydew", "peru", "thistle", "seashell", "bisque", "cornsilk", "gainsboro",
        "firebrick", "goldenrod", "burlywood", "old lace", "papaya whip", "ghost white", "alice blue", "navajo white",
    };

    static IEnumerable<(string Name, string Hex)> Entries(string table) => table
        .Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)
        .Aggregate(new List<string>(), (acc, tok) => { if (acc.Count > 0 && !acc[^1].Contains(':')) acc[^1] += " " + tok; else acc.Add(tok); return acc; })
        .Select(entry => (entry[..entry.IndexOf(':')], entry[(entry.IndexOf(':') + 1)..]));

    static readonly List<(string Name, string Hex)> Merged = [.. Entries(Table).Concat(Entries(CssTable)).DistinctBy(e => e.Name)];

    public static readonly IReadOnlyList<(string Name, byte R, byte G, byte B, Lab Lab)> Named = Merged
        .Concat(Entries(CssTable).Where(e => e.Name.Contains(' ')).Select(e => (Name: e.Name.Replace(" ", ""), Merged.First(m => m.Name == e.Name).Hex)))
        .DistinctBy(e => e.Name)
        .Select(entry =>
        {
            var (name, hex) = entry;
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
            if (!NotInText.Contains(c.Name) && padded.Contains(" " + c.Name + " ", StringComparison.Ordinal)) return (c.Name, c.R, c.G, c.B);
        if (Hex().Match(text.Trim().ToLowerInvariant()) is { Success: true }) return Parse(text) is { } p ? (text.Trim(), p.R, p.G, p.B) : null;
        return null;
    }

    /// <summary>The table's name nearest by CIEDE2000 (single-word CSS spellings such as "darkslategrey" are skipped in favour of their worded form).</summary>
    public static string NearestName(Lab lab) => Named.Where(c => !Aliases.Contains(c.Name)).MinBy(c => c.Lab.DeltaE2000(lab)).Name;

    static readonly HashSet<string> Aliases = [.. Entries(CssTable).Where(e => e.Name.Contains(' ')).Select(e => e.Name.Replace(" ", ""))];

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
