using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Api.Features.ShopperSearch.Common;

/// <summary>A query with its price phrase taken out: the text to search for and the price range it asked for.</summary>
sealed record ParsedQuery(string Text, double? MinPrice, double? MaxPrice);

/// <summary>Normalisation, price phrases and search terms of shopper queries.</summary>
static partial class QueryText
{
    static readonly HashSet<string> Stop = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "for", "with", "in", "on", "of", "to", "my", "me", "i", "im", "i'm", "some", "something",
        "looking", "want", "need", "show", "find", "please", "that", "this", "is", "are", "be", "can", "you", "your", "any",
        "get", "buy", "like", "would", "should", "good", "nice", "great", "best", "new", "at", "by", "from", "it", "its", "what",
        "dollars", "dollar", "usd", "price", "priced", "cost", "costs", "less", "than", "more", "under", "below", "over", "above",
    };

    /// <summary>Lower case, single spaces, no surrounding punctuation: the cache key's base.</summary>
    public static string Normalize(string? q)
    {
        if (string.IsNullOrWhiteSpace(q)) return "";
        var s = Spaces().Replace(q.Trim().ToLowerInvariant(), " ");
        return s.Trim(' ', '.', '!', '?', ',', ';');
    }

    /// <summary>
    /// Takes out "under $80", "below 50", "less than 40", "between $50 and $120", "$50-$120", "from 50 to 80", "around $200"
    /// (±20%), "over $100", "at least 30"; explicit min/max from the request win over the phrase.
    /// </summary>
    public static ParsedQuery ParsePrice(string query, double? explicitMin, double? explicitMax)
    {
        double? min = null, max = null;
        var text = query;
        Match m;
        if ((m = Between().Match(text)).Success || (m = Range().Match(text)).Success)
        {
            var (a, b) = (Num(m.Groups["a"].Value), Num(m.Groups["b"].Value));
            (min, max) = (Math.Min(a, b), Math.Max(a, b));
            text = text.Remove(m.Index, m.Length);
        }
        else if ((m = Around().Match(text)).Success)
        {
            var v = Num(m.Groups["a"].Value);
            (min, max) = (Math.Round(v * 0.8, 2), Math.Round(v * 1.2, 2));
            text = text.Remove(m.Index, m.Length);
        }
        else
        {
            if ((m = Under().Match(text)).Success) { max = Num(m.Groups["a"].Value); text = text.Remove(m.Index, m.Length); }
            if ((m = Over().Match(text)).Success) { min = Num(m.Groups["a"].Value); text = text.Remove(m.Index, m.Length); }
        }
        return new ParsedQuery(Spaces().Replace(text, " ").Trim(), explicitMin ?? min, explicitMax ?? max);
    }

    static double Num(string s) => double.Parse(s.Replace(",", ""), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Search terms: lower-case words of letters/digits, stop words and lone numbers dropped, in order, distinct.</summary>
    public static List<string> Terms(string text)
    {
        var terms = new List<string>();
        foreach (Match w in Word().Matches(text.ToLowerInvariant()))
        {
            var t = w.Value.Replace("'", "");
            if (t.Length < 2 || Stop.Contains(t) || t.All(char.IsDigit)) continue;
            if (!terms.Contains(t)) terms.Add(t);
        }
        return terms.Take(12).ToList();
    }

    /// <summary>A tsquery literal for one term or phrase; only [a-z0-9] survive, so the string is safe for to_tsquery.</summary>
    public static string? TsTerm(string phrase)
    {
        var words = phrase.ToLowerInvariant().Split([' ', '-', '_'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(c => c is >= 'a' and <= 'z' or >= '0' and <= '9').ToArray())).Where(w => w.Length > 0).ToList();
        if (words.Count == 0) return null;
        return words.Count == 1 ? words[0] : "(" + string.Join(" <-> ", words) + ")";
    }

    /// <summary>The lexemes of tsquery text as PostgreSQL prints it (<c>'light' <-> 'blue'</c>, <c>'hoodi'</c>; '' inside quotes is a quote).</summary>
    public static string[] Lexemes(string? tsquery) =>
        string.IsNullOrEmpty(tsquery) ? [] : [.. Quoted().Matches(tsquery).Select(m => m.Groups[1].Value.Replace("''", "'"))];

    [GeneratedRegex("'((?:[^']|'')*)'")]
    private static partial Regex Quoted();

    public static string StripHtml(string? html)
    {
        if (string.IsNullOrEmpty(html)) return html ?? "";
        var s = Tags().Replace(html, " ");
        s = System.Net.WebUtility.HtmlDecode(s);
        return Spaces().Replace(s, " ").Trim();
    }

    public static string Slug(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
            sb.Append(c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : '-');
        return Dashes().Replace(sb.ToString(), "-").Trim('-');
    }

    [GeneratedRegex(@"\b(?:between|from)\s+\$?\s*(?<a>\d+(?:\.\d+)?)\s*(?:dollars|usd)?\s+(?:and|to|-)\s+\$?\s*(?<b>\d+(?:\.\d+)?)\s*(?:dollars|usd|bucks)?", RegexOptions.IgnoreCase)] private static partial Regex Between();
    [GeneratedRegex(@"(?<![\w.])\$\s*(?<a>\d+(?:\.\d+)?)\s*(?:-|–|to)\s*\$?\s*(?<b>\d+(?:\.\d+)?)|(?<![\w.$])(?<a>\d+(?:\.\d+)?)\s*(?:-|–)\s*(?<b>\d+(?:\.\d+)?)\s*(?:dollars|usd|bucks)\b", RegexOptions.IgnoreCase)] private static partial Regex Range();
    [GeneratedRegex(@"\b(?:around|about|approximately|approx\.?|roughly|near|close\s+to)\s+\$?\s*(?<a>\d+(?:\.\d+)?)\s*(?:dollars|usd|bucks)?|~\s*\$?\s*(?<a>\d+(?:\.\d+)?)", RegexOptions.IgnoreCase)] private static partial Regex Around();
    [GeneratedRegex(@"\b(?:under|below|less\s+than|cheaper\s+than|up\s+to|max(?:imum)?|no\s+more\s+than|within|at\s+most|<)\s*\$?\s*(?<a>\d+(?:\.\d+)?)\s*(?:dollars|usd|bucks)?", RegexOptions.IgnoreCase)] private static partial Regex Under();
    [GeneratedRegex(@"\b(?:over|above|more\s+than|at\s+least|min(?:imum)?|starting\s+at|>)\s*\$?\s*(?<a>\d+(?:\.\d+)?)\s*(?:dollars|usd|bucks)?", RegexOptions.IgnoreCase)] private static partial Regex Over();
    [GeneratedRegex(@"\s+")] private static partial Regex Spaces();
    [GeneratedRegex(@"[a-z0-9]+(?:'[a-z]+)?")] private static partial Regex Word();
    [GeneratedRegex(@"<[^>]*>")] private static partial Regex Tags();
    [GeneratedRegex(@"-+")] private static partial Regex Dashes();
}
