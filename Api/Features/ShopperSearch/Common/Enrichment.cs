using System.Text.RegularExpressions;

namespace Api.Features.ShopperSearch.Common;

/// <summary>
/// The <c>enrichment_dev</c> rules: HTML stripped from details, category and gender inferred from the name, tags and details
/// when missing; and what the embedding steps embed.
/// </summary>
static partial class Enrichment
{
    static readonly (string Category, string[] Words)[] CategoryWords =
    [
        ("dresses", ["dress", "gown", "sundress", "frock"]),
        ("outerwear", ["jacket", "coat", "blazer", "parka", "anorak", "windbreaker", "trench", "puffer", "gilet", "vest"]),
        ("tops", ["shirt", "tee", "t-shirt", "blouse", "top", "tank", "camisole", "polo", "henley", "button-up", "tunic"]),
        ("knitwear", ["sweater", "cardigan", "jumper", "pullover", "knit", "hoodie", "sweatshirt"]),
        ("bottoms", ["pants", "trousers", "chinos", "jeans", "shorts", "skirt", "leggings", "joggers", "slacks"]),
        ("shoes", ["sneakers", "sneaker", "boots", "boot", "loafers", "sandals", "heels", "trainers", "flats", "mules", "shoes", "oxfords"]),
        ("bags", ["bag", "tote", "backpack", "handbag", "purse", "clutch", "crossbody", "duffel"]),
        ("accessories", ["scarf", "belt", "hat", "cap", "beanie", "sunglasses", "wallet", "gloves", "watch", "necklace", "earrings"]),
    ];

    public static string? InferCategory(string name, string? details, string? tags)
    {
        var text = " " + Words().Replace($"{name} {tags}".ToLowerInvariant(), " ") + " ";
        foreach (var (category, words) in CategoryWords)
            if (words.Any(w => text.Contains(" " + w + " ", StringComparison.Ordinal))) return category;
        var more = " " + Words().Replace((details ?? "").ToLowerInvariant(), " ") + " ";
        foreach (var (category, words) in CategoryWords)
            if (words.Any(w => more.Contains(" " + w + " ", StringComparison.Ordinal))) return category;
        return null;
    }

    public static string? InferGender(string name, string? category, string? details, string? tags)
    {
        var text = " " + Words().Replace($"{name} {category} {tags} {details}".ToLowerInvariant(), " ") + " ";
        bool Has(params string[] w) => w.Any(x => text.Contains(" " + x + " ", StringComparison.Ordinal));
        if (Has("kids", "kid", "boys", "girls", "toddler", "baby", "children", "childrens")) return "kids";
        if (Has("unisex", "gender neutral")) return "unisex";
        var women = Has("women", "womens", "woman", "ladies", "her", "dress", "skirt", "blouse", "gown");
        var men = Has("men", "mens", "man", "his");
        return women && !men ? "womens" : men && !women ? "mens" : null;
    }

    public static string EmbeddingText(string name, string? category, string? subCategory, string? brand, string? color, string? tags, string? details, string? colorNames)
    {
        var d = QueryText.StripHtml(details);
        if (d.Length > 400) d = d[..400];
        return string.Join(". ", new[] { name, category, subCategory, brand, color, colorNames, tags?.Replace(',', ' '), d }.Where(s => !string.IsNullOrWhiteSpace(s)));
    }

    [GeneratedRegex(@"[^a-z0-9\-]+")] private static partial Regex Words();
}
