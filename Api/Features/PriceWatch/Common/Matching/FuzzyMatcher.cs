using System.Text.RegularExpressions;
using FuzzySharp;

namespace Api.Features.PriceWatch.Common.Matching;

sealed record Item(Guid Id, string Name, decimal? Price = null, Guid CompetitorId = default);

sealed record Candidate(Item Product, double Confidence, string? BlockedBy = null);

/// <summary>A product prepared once for comparison: normalised text, tokens, sizes, brand and category.</summary>
sealed class Prepared
{
    public required Item Item { get; init; }
    public required string Text { get; init; }
    public required string[] Tokens { get; init; }
    public required HashSet<string> Sizes { get; init; }
    public string? Brand { get; init; }
    public string? Category { get; init; }
    public int Pack { get; init; }
}

/// <summary>
/// Token-based fuzzy matching (FuzzySharp token-set ratio) with candidate blocking: an inverted index over the competitor
/// products' informative tokens, so each own product is scored against its best few dozen candidates instead of all of them.
/// The "new" matcher normalises both sides with the industry profile (size equivalences and synonyms, stop words, units),
/// weighs name, size and brand, penalises size and category mismatches and applies hard-block rules; the "old" matcher is
/// the plain token-set ratio of the raw names (kept for <c>/api/match/validate</c>).
/// </summary>
sealed partial class FuzzyMatcher
{
    readonly MatchProfile _p;
    readonly bool _profileAware;
    readonly List<Prepared> _corpus = [];
    readonly Dictionary<string, List<int>> _index = new(StringComparer.Ordinal);
    const int CandidatesPerProduct = 40;

    public FuzzyMatcher(MatchProfile profile, IEnumerable<Item> competitorProducts, bool profileAware = true)
    {
        (_p, _profileAware) = (profile, profileAware);
        foreach (var item in competitorProducts)
        {
            var prepared = Prepare(item);
            var i = _corpus.Count;
            _corpus.Add(prepared);
            foreach (var token in prepared.Tokens.Distinct())
            {
                if (!_index.TryGetValue(token, out var list)) _index[token] = list = [];
                list.Add(i);
            }
        }
    }

    public int CorpusSize => _corpus.Count;

    public Prepared Prepare(Item item)
    {
        var text = MatchProfile.Norm(item.Name);
        if (_profileAware)
        {
            foreach (var (variant, canonical) in _p.Equivalences)
                if (text.Contains(variant, StringComparison.Ordinal)) text = Replace(text, variant, canonical);
            text = NumberUnit().Replace(SpacedDims().Replace(text, "$1x"), "$1$2");   // "6 x 9" → "6x9", "2 oz" → "2oz"
        }
        var raw = TokenRx().Matches(text).Select(m => m.Value).ToArray();
        var tokens = _profileAware ? raw.Where(t => !_p.StopWords.Contains(t)).ToArray() : raw;
        var sizes = _profileAware ? tokens.Where(IsSize).ToHashSet(StringComparer.Ordinal) : [];
        string? brand = null, category = null;
        if (_profileAware)
        {
            foreach (var (alias, b) in _p.Brands) if (ContainsWord(text, alias)) { brand = b; break; }
            foreach (var (name, keywords) in _p.Categories) if (keywords.Any(k => ContainsWord(text, k))) { category = name; break; }
        }
        return new Prepared
        {
            Item = item, Text = string.Join(' ', tokens), Tokens = tokens, Sizes = sizes, Brand = brand, Category = category,
            Pack = PackQuantity.Extract(item.Name),
        };
    }

    /// <summary>The best candidates for one own product, best first (blocked pairs excluded unless <paramref name="includeBlocked"/>).</summary>
    public List<Candidate> Candidates(Item own, int take = 5, bool includeBlocked = false)
    {
        var a = Prepare(own);
        var scores = new Dictionary<int, double>();
        var n = Math.Max(1, _corpus.Count);
        foreach (var token in a.Tokens.Distinct())
        {
            if (!_index.TryGetValue(token, out var postings)) continue;
            if (n >= 50 && postings.Count > n * 0.25 && a.Tokens.Length > 2) continue;   // too common to discriminate
            var idf = Math.Log(1 + n / (double)postings.Count);
            foreach (var i in postings) scores[i] = scores.GetValueOrDefault(i) + idf;
        }
        var result = new List<Candidate>();
        foreach (var (i, _) in scores.OrderByDescending(kv => kv.Value).Take(CandidatesPerProduct))
        {
            var b = _corpus[i];
            var (confidence, blocked) = Score(a, b);
            if (blocked is null || includeBlocked) result.Add(new Candidate(b.Item, confidence, blocked));
        }
        return result.OrderByDescending(c => c.Confidence).Take(take).ToList();
    }

    public (double Confidence, string? BlockedBy) Score(Prepared a, Prepared b)
    {
        var name = Fuzz.TokenSetRatio(a.Text, b.Text);
        if (!_profileAware) return (name, null);
        foreach (var (when, block, reason) in _p.HardBlocks)
            if ((when.Any(w => ContainsWord(a.Text, w)) && block.Any(x => ContainsWord(b.Text, x)))
                || (when.Any(w => ContainsWord(b.Text, w)) && block.Any(x => ContainsWord(a.Text, x))))
                return (0, reason);

        double size = 50, penalty = 0;
        if (a.Sizes.Count > 0 && b.Sizes.Count > 0)
        {
            if (a.Sizes.SetEquals(b.Sizes)) size = 100;
            else if (a.Sizes.Overlaps(b.Sizes)) size = 60;
            else { size = 0; penalty += _p.SizeMismatchPenalty; }
        }
        else if (a.Sizes.Count == 0 && b.Sizes.Count == 0) size = 80;
        var brand = a.Brand is not null && b.Brand is not null ? (a.Brand == b.Brand ? 100 : 0) : 60;
        if (a.Category is not null && b.Category is not null && a.Category != b.Category) penalty += _p.CategoryMismatchPenalty;
        var weights = _p.NameWeight + _p.SizeWeight + _p.BrandWeight;
        var combined = (name * _p.NameWeight + size * _p.SizeWeight + brand * _p.BrandWeight) / (weights <= 0 ? 1 : weights) - penalty;
        return (Math.Round(Math.Clamp(combined, 0, 100), 2), null);
    }

    bool IsSize(string token) =>
        SizeRx().Match(token) is { Success: true } m && (m.Groups["unit"].Value.Length == 0 ? token.Contains('x') : _p.Units.Contains(m.Groups["unit"].Value));

    static bool ContainsWord(string text, string phrase)
    {
        var i = text.IndexOf(phrase, StringComparison.Ordinal);
        while (i >= 0)
        {
            var before = i == 0 || !char.IsLetterOrDigit(text[i - 1]);
            var end = i + phrase.Length;
            var after = end >= text.Length || !char.IsLetterOrDigit(text[end]);
            if (before && after) return true;
            i = text.IndexOf(phrase, i + 1, StringComparison.Ordinal);
        }
        return false;
    }

    static string Replace(string text, string variant, string canonical)
    {
        var i = text.IndexOf(variant, StringComparison.Ordinal);
        while (i >= 0)
        {
            var end = i + variant.Length;
            if ((i == 0 || !char.IsLetterOrDigit(text[i - 1])) && (end >= text.Length || !char.IsLetterOrDigit(text[end])))
            {
                text = string.Concat(text.AsSpan(0, i), canonical, text.AsSpan(end));
                end = i + canonical.Length;
            }
            i = end < text.Length ? text.IndexOf(variant, end, StringComparison.Ordinal) : -1;
        }
        return text;
    }

    [GeneratedRegex(@"[a-z0-9]+(?:[./x-][a-z0-9]+)*")] private static partial Regex TokenRx();
    [GeneratedRegex(@"(\d)\s*x\s*(?=\d)")] private static partial Regex SpacedDims();
    [GeneratedRegex(@"(\d)\s+(oz|fl oz|ml|g|kg|mg|lb|lbs|l|in|mm|cm|ct|dram|dr|gal|v|ah)\b")] private static partial Regex NumberUnit();
    [GeneratedRegex(@"^\d+(?:[./]\d+)?(?:x\d+(?:[./]\d+)?)*(?<unit>[a-z]*)$")] private static partial Regex SizeRx();
}
