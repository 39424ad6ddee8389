using System.Globalization;
using System.Text;
using Api.Infrastructure.Integrations.OpenAi;

namespace Api.Features.ShopperSearch.Common;

/// <summary>Who is asking and what they found: the material for recommendation and greeting text.</summary>
sealed record ShopperContext(
    string? UserName = null, int? Hour = null, string? ConversationalStyle = null, string? PersonalFashionStyle = null,
    string? BodyType = null, string? FashionGoals = null, string? AgeGroup = null, IReadOnlyList<string>? FavoriteColors = null,
    IReadOnlyList<string>? Materials = null);

/// <summary>
/// Recommendation and greeting text. With <c>Integrations:OpenAi:ChatModel</c> configured an OpenAI-compatible chat model
/// writes it from the real results; otherwise (the documented local default) the text is composed deterministically from the
/// same results and the shopper's name, style and hour.
/// </summary>
sealed class Recommender(OpenAiClient openAi, ILogger<Recommender> log)
{
    public bool UsesModel => openAi.ChatConfigured;

    public static string? Greeting(int? hour, string? name)
    {
        if (hour is not { } h || h is < 0 or > 23) return string.IsNullOrWhiteSpace(name) ? null : $"Hi {name.Trim()}";
        var part = h switch { >= 5 and < 12 => "Good morning", >= 12 and < 17 => "Good afternoon", >= 17 and < 22 => "Good evening", _ => "Hello" };
        return string.IsNullOrWhiteSpace(name) ? part : $"{part}, {name.Trim()}";
    }

    /// <summary>Throws <see cref="OpenAiException"/> only when a configured model fails and <paramref name="strict"/> is set.</summary>
    public async Task<string> RecommendAsync(string query, string? colorName, double? min, double? max, IReadOnlyList<ProductRow> top,
        ShopperContext who, bool strict, CancellationToken ct)
    {
        if (openAi.ChatConfigured)
        {
            try { return await openAi.ChatAsync(SystemPrompt(who), UserPrompt(query, colorName, min, max, top, who), ct); }
            catch (OpenAiException e)
            {
                if (strict) throw;
                log.LogWarning("Recommendation model failed ({Reason}); using the local text", e.Message);
            }
        }
        return Local(query, colorName, min, max, top, who);
    }

    static string SystemPrompt(ShopperContext who) =>
        "You are a helpful retail stylist writing one or two short sentences that introduce search results. " +
        "Mention only products listed by the user message. No markdown, no prices that are not listed." +
        (who.ConversationalStyle is { Length: > 0 } s ? $" Tone: {s}." : "");

    static string UserPrompt(string query, string? color, double? min, double? max, IReadOnlyList<ProductRow> top, ShopperContext who)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Shopper query: {query}");
        if (color is not null) sb.AppendLine(CultureInfo.InvariantCulture, $"Colour: {color}");
        if (min is not null || max is not null) sb.AppendLine(CultureInfo.InvariantCulture, $"Budget: {PriceText(min, max)}");
        if (who.UserName is { Length: > 0 }) sb.AppendLine(CultureInfo.InvariantCulture, $"Shopper name: {who.UserName}");
        if (who.Hour is { } h) sb.AppendLine(CultureInfo.InvariantCulture, $"Local hour: {h}");
        foreach (var (label, value) in new[] { ("Style", who.PersonalFashionStyle), ("Body type", who.BodyType), ("Goals", who.FashionGoals), ("Age group", who.AgeGroup) })
            if (!string.IsNullOrWhiteSpace(value)) sb.AppendLine(CultureInfo.InvariantCulture, $"{label}: {value}");
        sb.AppendLine("Results:");
        foreach (var p in top.Take(5))
            sb.AppendLine(CultureInfo.InvariantCulture, $"- {p.ProductName} ({p.Brand ?? "no brand"}, {p.Category ?? "uncategorised"}, {p.Color ?? "colour n/a"}) ${p.PriceNumeric:0.##}");
        return sb.ToString();
    }

    static string PriceText(double? min, double? max) => (min, max) switch
    {
        ({ } a, { } b) => $"between ${a:0.##} and ${b:0.##}",
        (null, { } b) => $"under ${b:0.##}",
        ({ } a, null) => $"over ${a:0.##}",
        _ => "",
    };

    public static string Local(string query, string? colorName, double? min, double? max, IReadOnlyList<ProductRow> top, ShopperContext who)
    {
        var inv = CultureInfo.InvariantCulture;
        var opener = who.UserName is { Length: > 0 } n ? (Greeting(who.Hour, n) + "! ") : who.Hour is not null ? Greeting(who.Hour, null) + "! " : "";
        var what = string.IsNullOrWhiteSpace(query) ? (colorName is null ? "your search" : colorName + " pieces") : $"\"{query.Trim()}\"";
        if (colorName is not null && !string.IsNullOrWhiteSpace(query)) what += $" in {colorName}";
        var budget = min is null && max is null ? "" : " " + PriceText(min, max);
        if (top.Count == 0)
            return $"{opener}I couldn't find anything for {what}{budget} right now. Try a broader description or a different colour.";
        var first = top[0];
        var style = (who.ConversationalStyle ?? "").Trim().ToLowerInvariant();
        var lead = string.Format(inv, "{0} at ${1:0.##}", first.ProductName, first.PriceNumeric) + (first.Brand is { Length: > 0 } b ? $" from {b}" : "");
        var sb = new StringBuilder(opener);
        if (style.Contains("concise"))
            sb.Append(inv, $"Top pick for {what}{budget}: {lead}. {top.Count} match{(top.Count == 1 ? "" : "es")}.");
        else if (style.Contains("technical"))
        {
            var lo = top.Min(p => p.PriceNumeric); var hi = top.Max(p => p.PriceNumeric);
            var cats = top.Select(p => p.Category).Where(c => !string.IsNullOrEmpty(c)).Distinct().Take(3).ToList();
            sb.Append(inv, $"{top.Count} results for {what}{budget}, ${lo:0.##}–${hi:0.##}");
            if (cats.Count > 0) sb.Append(inv, $" across {string.Join(", ", cats)}");
            sb.Append(inv, $". Closest match: {lead}.");
        }
        else
        {
            // what was found, from the results: how many, their price range, the first three by name with their prices
            var lo = top.Min(p => p.PriceNumeric); var hi = top.Max(p => p.PriceNumeric);
            var range = top.Count == 1 ? "" : lo == hi ? string.Format(inv, ", all at ${0:0.##}", lo) : string.Format(inv, ", from ${0:0.##} to ${1:0.##}", lo, hi);
            var priced = top.Skip(1).Take(2).Select(p => string.Format(inv, "{0} (${1:0.##})", p.ProductName, p.PriceNumeric)).ToList();
            sb.Append(inv, $"Here {(top.Count == 1 ? "is a pick" : $"are {top.Count} picks")} for {what}{budget}{range}. I'd start with the {lead}");
            sb.Append(priced.Count switch { 0 => ".", 1 => $", and the {priced[0]} is worth a look too.", _ => $"; the {priced[0]} and {priced[1]} are worth a look too." });
        }
        if (who.PersonalFashionStyle is { Length: > 0 } ps) sb.Append(inv, $" They suit a {ps.Trim().ToLowerInvariant()} style.");
        if (who.FashionGoals is { Length: > 0 } goals) sb.Append(inv, $" Good for {goals.Trim().TrimEnd('.')}.");
        return sb.ToString();
    }
}
