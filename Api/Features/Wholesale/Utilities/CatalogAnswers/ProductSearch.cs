using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Api.Infrastructure.Database;
using LinqToDB.Data;

namespace Api.Features.Wholesale.Utilities.CatalogAnswers;

/// <summary>A catalog product as chat and AI search show it: every price and stock figure comes from wholesale.products.</summary>
sealed record ProductHit
{
    public long Id { get; init; }
    public string Sku { get; init; } = "";
    public string Name { get; init; } = "";
    public string? Brand { get; init; }
    public string? UnitSize { get; init; }
    public string? Category { get; init; }
    public decimal UnitPrice { get; init; }
    public decimal? BulkPrice { get; init; }
    public int? BulkQuantity { get; init; }
    public int? StockQuantity { get; init; }
    public bool InStock { get; init; }
    public string? ImageUrl { get; init; }
}

/// <summary>
/// The engine behind <c>/api/chat</c> and <c>/api/search/ai</c> without a model (and the facts with one): catalog search over
/// wholesale.products (full text on any of the query's words, plus trigram similarity to the whole query), and answers
/// written from the rows found, in English or Spanish.
/// </summary>
static partial class ProductSearch
{
    static readonly string SearchSql = Sql.Load<ProductHit>("SearchProducts.sql");

    // words that say "I am asking" rather than what is wanted
    static readonly HashSet<string> Filler = new(StringComparer.Ordinal)
    {
        "price", "prices", "pricing", "cost", "costs", "much", "many", "sell", "carry", "stock", "available", "availability",
        "need", "want", "looking", "buy", "get", "please", "hi", "hello", "hey", "thanks", "thank", "know", "tell", "show", "find",
        "search", "any", "some", "got", "have", "has", "do", "does", "you", "your", "me", "we", "us", "can", "could", "would",
        "tienen", "precio", "cuanto", "cuánto", "necesito", "quiero", "busco", "hay", "por", "favor", "para", "los", "las", "una", "uno",
    };

    public static async Task<List<ProductHit>> SearchAsync(DataConnection db, string query, int limit, CancellationToken ct)
    {
        var words = Words().Matches(query.ToLowerInvariant()).Select(m => m.Value)
            .Where(w => w.Length is >= 2 and <= 30 && !Filler.Contains(w)).Distinct().Take(12).ToList();
        var terms = string.Join(" | ", words);
        var text = string.Join(' ', words);
        if (text.Length == 0) return [];
        return await db.QueryToListAsync<ProductHit>(SearchSql, new { Terms = terms, Query = text, Limit = limit }, ct);
    }

    public static bool Spanish(string? language) => language?.Trim().ToLowerInvariant() is { } l && (l == "es" || l.StartsWith("es-") || l.StartsWith("span"));

    /// <summary>One line per product: name, SKU, size, price (and bulk price), stock, all from the row.</summary>
    public static string Describe(IEnumerable<ProductHit> hits, bool es)
    {
        var sb = new StringBuilder();
        foreach (var p in hits)
        {
            sb.Append("- ").Append(p.Name).Append(" (").Append(p.Sku).Append(')');
            if (!string.IsNullOrWhiteSpace(p.UnitSize)) sb.Append(", ").Append(p.UnitSize);
            sb.Append(": ").Append(Price(p.UnitPrice));
            if (p.BulkPrice is { } bp && p.BulkQuantity is { } bq)
                sb.Append(es ? $" ({Price(bp)} c/u desde {bq})" : $" ({Price(bp)} each for {bq}+)");
            sb.Append(" — ").Append(Stock(p, es)).Append('\n');
        }
        return sb.ToString().TrimEnd();
    }

    public static string NothingFound(string query, bool es) => es
        ? $"No encontré productos para \"{query}\" en nuestro catálogo. Pruebe con el nombre, la marca o el SKU del producto, o llame a nuestro equipo de ventas."
        : $"I couldn't find products matching \"{query}\" in our catalog. Try a product name, brand or SKU, or call our sales team.";

    public static string Intro(string query, bool es) => es ? $"Esto es lo que tenemos para \"{query}\":" : $"Here is what we carry for \"{query}\":";

    static string Stock(ProductHit p, bool es) => p.StockQuantity switch
    {
        null => p.InStock ? (es ? "disponible" : "in stock") : (es ? "agotado" : "out of stock"),
        > 0 and var n when p.InStock => es ? $"{n} disponibles" : $"{n} in stock",
        _ => es ? "agotado" : "out of stock",
    };

    static string Price(decimal d) => "$" + d.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Removes money amounts from a model's text: prices are stated only from the database.</summary>
    public static string WithoutPrices(string text) => Money().Replace(text, "[price below]");

    [GeneratedRegex(@"[\p{L}\p{Nd}]+")] private static partial Regex Words();
    [GeneratedRegex(@"(?:US)?\$\s?\d[\d,]*(?:\.\d+)?|\b\d[\d,]*(?:\.\d+)?\s?(?:dollars|usd|d[oó]lares)\b", RegexOptions.IgnoreCase)] private static partial Regex Money();
}
