namespace Api.Features.PriceWatch.Common.Matching;

/// <summary>
/// A default colour vocabulary for profiles without one of their own (the default profile has none): basic and common fashion
/// and home colour names, with spelling variants folded (gray = grey). The same item in another colour is another sellable
/// product (bench/quality/LABELLING.md), so two names that both state colours and share none are a variant conflict.
/// Words that are part of the product's brand ("Black &amp; Decker", "Red Wing") are not read as colours. The list is the usual
/// colour names, written from general knowledge, not from the labelled data; names that are as often a flavour, material or
/// ingredient (salmon, wine, chocolate, espresso, mint, sage, stone, sand, rust, peach, plum, blush) are left out.
/// </summary>
static class Colours
{
    static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["black"] = "black", ["white"] = "white", ["grey"] = "grey", ["gray"] = "grey", ["silver"] = "silver", ["gold"] = "gold",
        ["red"] = "red", ["blue"] = "blue", ["navy"] = "navy", ["green"] = "green", ["yellow"] = "yellow", ["orange"] = "orange",
        ["purple"] = "purple", ["violet"] = "purple", ["pink"] = "pink", ["brown"] = "brown", ["beige"] = "beige", ["tan"] = "tan",
        ["cream"] = "cream", ["ivory"] = "ivory", ["charcoal"] = "charcoal", ["burgundy"] = "burgundy", ["maroon"] = "maroon",
        ["olive"] = "olive", ["khaki"] = "khaki", ["teal"] = "teal", ["turquoise"] = "turquoise", ["coral"] = "coral",
        ["camel"] = "camel", ["cobalt"] = "cobalt", ["indigo"] = "indigo", ["lavender"] = "lavender", ["lilac"] = "lilac",
        ["mustard"] = "mustard", ["taupe"] = "taupe", ["copper"] = "copper", ["bronze"] = "bronze",
        ["magenta"] = "magenta", ["fuchsia"] = "fuchsia", ["aqua"] = "aqua", ["cyan"] = "cyan",
        ["mauve"] = "mauve", ["crimson"] = "crimson", ["scarlet"] = "scarlet",
        ["emerald"] = "emerald", ["graphite"] = "graphite", ["slate"] = "slate",
    };

    /// <summary>
    /// The canonical colour names among <paramref name="tokens"/> (split at hyphens, slashes and dots), except where the words of
    /// <paramref name="brand"/> stand in a row ("Indigo Mill Black Jeans" → black; "Indigo Slim Jeans" by Indigo Mill → indigo).
    /// </summary>
    public static HashSet<string> In(IEnumerable<string> tokens, string? brand)
    {
        var words = tokens.SelectMany(t => t.Split(['-', '/', '.'], StringSplitOptions.RemoveEmptyEntries)).ToArray();
        var skip = new bool[words.Length];
        if (brand?.Split(' ') is { Length: > 0 } b)
            for (var i = 0; i + b.Length <= words.Length; i++)
                if (b.Select((w, k) => words[i + k] == w).All(x => x))
                    for (var k = 0; k < b.Length; k++) skip[i + k] = true;
        var result = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < words.Length; i++)
            if (!skip[i] && Names.TryGetValue(words[i], out var colour)) result.Add(colour);
        return result;
    }
}
