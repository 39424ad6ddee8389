using System.Text;
using System.Text.RegularExpressions;

namespace Api.Features.ShopperSearch.Common;

/// <summary>A price word's direction: "cheap" asks for the low end of what matched, "premium" for the high end.</summary>
enum PriceBand { None, Low, High }

/// <summary>An occasion the query named: its words as written, the items that make it (core) and those that complete it.</summary>
sealed record Occasion(string Trigger, IReadOnlyList<string> Core, IReadOnlyList<string> Completing)
{
    public IEnumerable<string> Items => Core.Concat(Completing);
}

/// <summary>
/// What a shopper's words mean beyond their lexemes (issue 19 §2): relative price words, occasions and identifiers. General
/// rules and one documented table (<see cref="OccasionTable"/>); nothing here names a product or a labelled query.
/// </summary>
static partial class QueryIntent
{
    static readonly Dictionary<string, PriceBand> PriceWords = new(StringComparer.Ordinal)
    {
        ["cheap"] = PriceBand.Low, ["cheapest"] = PriceBand.Low, ["affordable"] = PriceBand.Low, ["budget"] = PriceBand.Low,
        ["inexpensive"] = PriceBand.Low, ["bargain"] = PriceBand.Low, ["economical"] = PriceBand.Low, ["low cost"] = PriceBand.Low,
        ["low priced"] = PriceBand.Low,
        ["premium"] = PriceBand.High, ["luxury"] = PriceBand.High, ["luxurious"] = PriceBand.High, ["expensive"] = PriceBand.High,
        ["high end"] = PriceBand.High, ["designer"] = PriceBand.High, ["upscale"] = PriceBand.High, ["top end"] = PriceBand.High,
    };

    /// <summary>
    /// Takes the price words out of the query ("cheap t-shirt" → Low, "t-shirt"). They are relative: what counts as cheap is
    /// decided against the matched products' category (see <see cref="SearchEngine"/>), not a fixed amount. A query that is
    /// nothing but a price word keeps it as text.
    /// </summary>
    public static (PriceBand Band, string Text) TakePriceWords(string query)
    {
        var band = PriceBand.None;
        var text = " " + QueryText.Normalize(query) + " ";
        foreach (var (word, b) in PriceWords.OrderByDescending(p => p.Key.Length))
        {
            var pattern = " " + word.Replace(" ", "[ -]") + " ";
            var m = Regex.Match(text, pattern);
            if (!m.Success) continue;
            band = band == PriceBand.None ? b : band;
            text = text.Remove(m.Index, m.Length).Insert(m.Index, " ");
        }
        var rest = Spaces().Replace(text, " ").Trim();
        return band == PriceBand.None || QueryText.Terms(rest).Count == 0 ? (PriceBand.None, query) : (band, rest);
    }

    /// <summary>
    /// The occasion table: trigger phrases (matched as whole words; the longest first) and the items they call for. Written from
    /// general retail knowledge (what a style guide lists per occasion), not from any catalog: core items first, then the ones
    /// that complete the look. Triggers are occasion words only, never item words, so "running shoes" or "rain jacket" are
    /// not read as occasions.
    /// </summary>
    internal static readonly (string[] Triggers, string[] Core, string[] Completing)[] OccasionTable =
    [
        (["job interview", "interview", "business meeting", "office wear", "workwear", "business formal", "first day at work"],
            ["suit", "blazer", "trousers", "suit jacket", "suit trousers"], ["shirt", "blouse", "dress shoes", "tie", "pencil skirt", "loafers", "oxfords", "briefcase"]),
        (["wedding guest", "wedding"], ["dress", "gown", "suit", "midi dress"], ["heels", "clutch", "tie", "blazer", "dress shoes", "suit jacket"]),
        (["black tie", "gala", "formal event", "prom", "cocktail party", "evening event"],
            ["gown", "tuxedo", "suit", "evening dress"], ["heels", "clutch", "tie", "bow tie", "dress shoes", "suit jacket", "suit trousers"]),
        (["beach holiday", "beach vacation", "beach trip", "summer holiday", "pool party", "holiday", "vacation", "resort"],
            ["swimsuit", "swim shorts", "bikini", "sandals", "swimwear"], ["sunglasses", "sun hat", "beach towel", "maxi dress", "shorts", "linen shirt", "tote"]),
        (["cold winter walk", "winter walk", "cold weather", "cold day", "winter"],
            ["coat", "parka", "boots", "scarf", "gloves"], ["sweater", "beanie", "cardigan", "hat", "jacket", "thermal"]),
        (["cozy night in", "night in", "movie night", "lounging", "lazy sunday"],
            ["throw", "blanket", "pajamas", "slippers", "hoodie"], ["candle", "pillow", "sweater", "mug", "leggings", "cardigan"]),
        (["coffee lover", "coffee lovers", "coffee addict", "barista"],
            ["coffee maker", "french press", "espresso", "grinder", "coffee"], ["mug", "kettle", "travel mug"]),
        (["gym workout", "gym", "workout", "training session", "yoga class", "fitness"],
            ["leggings", "running shoes", "sneakers", "sports bra", "shorts"], ["hoodie", "t-shirt", "water bottle", "headphones", "tank"]),
        (["rainy day outdoors", "rainy day", "rainy weather", "wet weather"],
            ["raincoat", "rain jacket", "jacket", "boots", "umbrella"], ["hat", "hoodie", "waterproof"]),
        (["hiking trip", "hiking", "camping", "trekking"], ["hiking boots", "jacket", "backpack"], ["water bottle", "hat", "socks", "fleece"]),
        (["date night", "dinner date"], ["dress", "blazer", "heels"], ["shirt", "jeans", "clutch", "boots"]),
        (["brunch", "weekend casual", "casual friday"], ["jeans", "t-shirt", "sneakers"], ["shirt", "cardigan", "skirt", "chinos"]),
        (["funeral", "memorial service"], ["suit", "dress"], ["tie", "dress shoes", "coat", "blazer"]),
        (["graduation"], ["dress", "suit", "blazer"], ["heels", "dress shoes", "tie"]),
        (["business trip", "travel day", "long flight"], ["carry-on", "suitcase", "tote"], ["headphones", "sweater", "travel pillow", "backpack"]),
        (["home office", "working from home", "work from home"], ["keyboard", "mouse", "headphones", "webcam", "monitor"], ["lamp", "mug", "router"]),
        (["housewarming"], ["candle", "throw", "pillow"], ["cookware", "mug", "vase", "towels"]),
        (["home cook", "cooking enthusiast", "foodie"], ["chef knife", "cookware", "dutch oven", "skillet"], ["cutting board", "knife", "pan"]),
        (["bedroom makeover", "guest room"], ["sheets", "duvet cover", "pillows"], ["throw", "rug", "lamp"]),
        (["music lover", "music lovers"], ["headphones", "speaker", "earbuds"], ["cable", "stand"]),
        (["road trip"], ["gps", "car charger", "phone mount"], ["cooler", "sunglasses", "travel mug"]),
    ];

    static readonly (string Trigger, Occasion Occasion)[] Triggers = [.. OccasionTable
        .SelectMany(o => o.Triggers.Select(t => (t, new Occasion(t, o.Core, o.Completing))))
        .OrderByDescending(t => t.t.Length)];

    /// <summary>Words that carry no item once an occasion is named ("an outfit for a wedding", "gift for a coffee lover").</summary>
    internal static readonly HashSet<string> OccasionFiller = new(StringComparer.Ordinal)
    {
        "wear", "wearing", "outfit", "outfits", "clothes", "clothing", "attire", "look", "looks", "ideas", "idea", "gift", "gifts",
        "present", "something", "stuff", "things", "day", "go", "going", "perfect",
    };

    /// <summary>The first (longest) occasion trigger in the query, as whole words.</summary>
    public static Occasion? FindOccasion(string query)
    {
        var padded = " " + NonWord().Replace(query.ToLowerInvariant(), " ") + " ";
        foreach (var (trigger, occasion) in Triggers)
            if (padded.Contains(" " + trigger + " ", StringComparison.Ordinal)) return occasion;
        return null;
    }

    /// <summary>Whether an item phrase occurs as whole words (plural "s"/"es" allowed on the last word) in a product's text.</summary>
    public static bool Mentions(string productText, string item)
    {
        var padded = " " + NonWord().Replace(productText.ToLowerInvariant(), " ") + " ";
        var words = NonWord().Replace(item.ToLowerInvariant(), " ").Trim();
        return padded.Contains(" " + words + " ", StringComparison.Ordinal) || padded.Contains(" " + words + "s ", StringComparison.Ordinal)
            || padded.Contains(" " + words + "es ", StringComparison.Ordinal);
    }

    /// <summary>
    /// Identifier form of a token or token run: lower case, letters and digits only ("KX-TGA670B", "kx tga670b", "KX/TGA670B" →
    /// "kxtga670b"). An identifier holds a digit and is at least 4 characters long; a number with a unit ("42-inch", "500gb",
    /// "1080p", "60w") is a specification, not an identifier, and a bare number needs 6 digits (a part number such as 910-000298).
    /// </summary>
    public static string? IdentifierForm(string raw)
    {
        var sb = new StringBuilder(raw.Length);
        foreach (var c in raw.ToLowerInvariant()) if (c is >= 'a' and <= 'z' or >= '0' and <= '9') sb.Append(c);
        var s = sb.ToString();
        if (s.Length < 4 || !s.Any(char.IsAsciiDigit)) return null;
        if (s.All(char.IsAsciiDigit)) return s.Length >= 6 ? s : null;
        if (Spec().IsMatch(s)) return null;
        return s;
    }

    /// <summary>
    /// The identifiers a query may hold: every token and every run of two or three adjacent tokens (split at spaces, hyphens,
    /// slashes, dots) whose joined form is an identifier and holds at least one token with a digit, so "kx tga670b",
    /// "kx-tga670b" and "kxtga670b" all give "kxtga670b".
    /// </summary>
    public static List<string> QueryIdentifiers(string query)
    {
        var tokens = Separators().Split(query.ToLowerInvariant()).Where(t => t.Length > 0).ToArray();
        var found = new List<string>();
        for (var i = 0; i < tokens.Length; i++)
            for (var n = 1; n <= 3 && i + n <= tokens.Length; n++)
            {
                var run = tokens.AsSpan(i, n).ToArray();
                if (!run.Any(t => t.Any(char.IsAsciiDigit)) || (n > 1 && !run.All(RunPart))) continue;
                if (IdentifierForm(string.Concat(run)) is { } id && !found.Contains(id)) found.Add(id);
            }
        return found;
    }

    /// <summary>
    /// A product's own identifiers (from its name and product id/SKU): each whitespace token and each pair of adjacent tokens
    /// ("nuvi 260W" → nuvi260w) in identifier form, up to the first "for"/"fits"/"compatible"/"with"/"replaces": identifiers after it are
    /// the devices an accessory fits (<paramref name="fits"/>), not the product itself.
    /// </summary>
    public static void ProductIdentifiers(string? name, string? sku, ICollection<string> own, ICollection<string> fits)
    {
        var tokens = (name ?? "").Split([' ', '\t', ',', '(', ')', ';'], StringSplitOptions.RemoveEmptyEntries);
        var target = own;
        for (var i = 0; i < tokens.Length; i++)
        {
            var t = tokens[i].ToLowerInvariant();
            if (t is "for" or "fits" or "compatible" or "with" or "replaces" or "replacement") { target = fits; continue; }
            if (IdentifierForm(t) is { } one) target.Add(one);
            var next = i + 1 < tokens.Length ? tokens[i + 1].ToLowerInvariant() : null;
            if (next is not null && (t.Any(char.IsAsciiDigit) || next.Any(char.IsAsciiDigit)) && RunPart(t) && RunPart(next)
                && next is not ("for" or "fits" or "compatible" or "with") && IdentifierForm(t + next) is { } two) target.Add(two);
        }
        if (IdentifierForm(sku ?? "") is { } s) own.Add(s);
    }

    /// <summary>
    /// A token that may be part of an identifier written with spaces ("KX TGA670B", "nuvi 260W", "DSC W120"): a short letter prefix
    /// (at most 4 letters) or a token with a digit that is not a specification ("42", "inch", "1080p" do not join with "plasma").
    /// </summary>
    static bool RunPart(string token)
    {
        var t = new string([.. token.ToLowerInvariant().Where(c => c is >= 'a' and <= 'z' or >= '0' and <= '9')]);
        if (t.Length == 0) return false;
        if (t.All(char.IsAsciiLetter)) return t.Length <= 4 && t is not ("inch" or "in" or "and" or "the" or "set" or "pack" or "of");
        return !Spec().IsMatch(t) && !(t.All(char.IsAsciiDigit) && t.Length < 3);
    }

    [GeneratedRegex(@"^\d+(?:inch|in|gb|tb|mb|mp|mah|oz|lb|lbs|ft|mm|cm|m|hz|khz|mhz|ghz|p|k|w|v|kw|pack|pk|pc|pcs|piece|x\d+|qt|l|ml|g|kg|rpm|ct|tc)$")]
    private static partial Regex Spec();
    [GeneratedRegex(@"[\s\-/_.,;:()]+")] private static partial Regex Separators();
    [GeneratedRegex(@"[^a-z0-9]+")] private static partial Regex NonWord();
    [GeneratedRegex(@"\s+")] private static partial Regex Spaces();
}
