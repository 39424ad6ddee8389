using System.Text.RegularExpressions;
using FuzzySharp;

namespace Api.Features.PriceWatch.Common.Matching;

/// <summary>A product to match: <see cref="Vendor"/> is its brand field when the catalog has one; <see cref="SourceId"/> is the
/// platform's id (Shopify variant, scraped external id), the last tie-breaker of the assignment (never the database id).</summary>
sealed record Item(Guid Id, string Name, decimal? Price = null, Guid CompetitorId = default, string? Vendor = null, string? SourceId = null);

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
    /// <summary>Numbers outside sizes (model numbers, vintages, grits, shade codes, "11-in-1"): differing ones mean another product.</summary>
    public HashSet<string> Numbers { get; init; } = [];
    /// <summary>Model numbers and SKUs, normalised and compared whole (<see cref="Matching.Identifiers"/>).</summary>
    public HashSet<string> Identifiers { get; init; } = [];
    /// <summary>The profile's extraction vocabularies found in the text (material, colour, roast, species...), per category.</summary>
    public Dictionary<string, HashSet<string>> Attributes { get; init; } = [];
    /// <summary>A size-variant word (mini, petite, small, large, xl...), if any.</summary>
    public string? Variant { get; init; }
    /// <summary>Informative words: alphabetic, 3+ letters, not stop words or units.</summary>
    public HashSet<string> Words { get; init; } = [];
    /// <summary>Colour names from the default vocabulary (<see cref="Colours"/>), when the profile has no colour vocabulary of its own.</summary>
    public HashSet<string> Colours { get; init; } = [];
    /// <summary>For an accessory-style name ("Car Charger for TomTom ONE"): the informative words before "for"/"compatible with"/"fits"; else null.</summary>
    public HashSet<string>? AccessoryHead { get; init; }
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
    readonly Brands _brands;
    readonly bool _defaultColours;
    readonly List<Prepared> _corpus = [];
    readonly Dictionary<string, List<int>> _index = new(StringComparer.Ordinal);
    const int CandidatesPerProduct = 40;

    /// <param name="brands">brands learned from both catalogs' vendor fields (<see cref="Brands"/>); default: the profile's brands only.</param>
    /// <param name="ownProducts">the tenant's own products: with the competitor products, the documents of the IDF weights</param>
    public FuzzyMatcher(MatchProfile profile, IEnumerable<Item> competitorProducts, bool profileAware = true, Brands? brands = null,
        IEnumerable<Item>? ownProducts = null)
    {
        (_p, _profileAware) = (profile, profileAware);
        _brands = brands ?? new Brands([], profile);
        _defaultColours = !profile.ExtractionCategories.Any(c => c.Name is "color" or "colour" or "colors" or "colours");
        var items = competitorProducts as IReadOnlyList<Item> ?? competitorProducts.ToList();
        var prepared = new Prepared[items.Count];
        if (items.Count >= 2000) Parallel.For(0, items.Count, i => prepared[i] = Prepare(items[i]));   // pure CPU, read-only profile
        else for (var i = 0; i < items.Count; i++) prepared[i] = Prepare(items[i]);
        foreach (var p in prepared)
        {
            var i = _corpus.Count;
            _corpus.Add(p);
            foreach (var token in p.Tokens.Distinct())
            {
                if (!_index.TryGetValue(token, out var list)) _index[token] = list = [];
                list.Add(i);
                _df[token] = _df.GetValueOrDefault(token) + 1;
            }
        }
        _documents = _corpus.Count;
        foreach (var own in ownProducts ?? [])
        {
            _documents++;
            foreach (var token in Prepare(own).Tokens.Distinct()) _df[token] = _df.GetValueOrDefault(token) + 1;
        }
    }

    readonly Dictionary<string, int> _df = new(StringComparer.Ordinal);
    readonly int _documents;

    /// <summary>Smoothed inverse document frequency over both catalogs: ln((1 + n) / (1 + df)) + 1.</summary>
    double Idf(string token) => Math.Log((1.0 + _documents) / (1 + _df.GetValueOrDefault(token))) + 1;

    /// <summary>
    /// IDF-weighted token similarity (cosine of binary token vectors weighted by <see cref="Idf"/>, over both catalogs): sharing
    /// a rare word (a model code, "quietcomfort") counts for more than sharing "black" or "cordless". Orders candidates of equal
    /// confidence before their names do.
    /// </summary>
    public double IdfSimilarity(Prepared a, Prepared b)
    {
        var (ta, tb) = (a.Tokens.ToHashSet(StringComparer.Ordinal), b.Tokens.ToHashSet(StringComparer.Ordinal));
        double dot = 0, na = 0, nb = 0;
        foreach (var t in ta) { var w = Idf(t); na += w * w; if (tb.Contains(t)) dot += w * w; }
        foreach (var t in tb) { var w = Idf(t); nb += w * w; }
        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }

    public int CorpusSize => _corpus.Count;

    public Prepared Prepare(Item item)
    {
        var text = MatchProfile.Norm(item.Name);
        if (_profileAware)
        {
            foreach (var (variant, canonical) in _p.Equivalences)
                if (text.Contains(variant, StringComparison.Ordinal)) text = Replace(text, variant, canonical);
            text = Units.Normalise(text);                                                   // "fl oz" → oz, lbs → lb, count → ct, 6" → 6in
            text = UnitDims().Replace(text, "$1x");                                         // "9 in x 11 in" → "9x11 in"
            text = NumberUnit().Replace(SpacedDims().Replace(text, "$1x"), "$1$2");   // "6 x 9" → "6x9", "2 oz" → "2oz"
        }
        var raw = TokenRx().Matches(text).Select(m => m.Value).ToArray();
        var tokens = _profileAware ? raw.Where(t => !_p.StopWords.Contains(t)).ToArray() : raw;
        var sizes = _profileAware ? tokens.Where(IsSize).ToHashSet(StringComparer.Ordinal) : [];
        string? brand = null, category = null;
        if (_profileAware)
        {
            brand = _brands.Of(item.Name, item.Vendor);
            foreach (var (name, keywords) in _p.Categories) if (keywords.Any(k => ContainsWord(text, k))) { category = name; break; }
        }
        if (!_profileAware)
            return new Prepared { Item = item, Text = string.Join(' ', tokens), Tokens = tokens, Sizes = sizes, Pack = PackQuantity.Extract(item.Name) };
        var attributes = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (name, values) in _p.ExtractionCategories)
            foreach (var v in values)
                if (ContainsWord(text, v))
                {
                    if (!attributes.TryGetValue(name, out var set)) attributes[name] = set = new HashSet<string>(StringComparer.Ordinal);
                    set.Add(v);
                }
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in tokens)
            if (!sizes.Contains(t) && t.Any(char.IsAsciiDigit))
                foreach (Match m in Digits().Matches(t)) numbers.Add(m.Value.TrimStart('0') is { Length: > 0 } n ? n : "0");
        return new Prepared
        {
            Item = item, Text = string.Join(' ', tokens), Tokens = tokens, Sizes = sizes, Brand = brand, Category = category,
            Pack = PackQuantity.Extract(item.Name), Numbers = numbers, Attributes = attributes, Identifiers = Matching.Identifiers.Of(item.Name),
            Variant = tokens.FirstOrDefault(VariantWords.Contains),
            Words = tokens.Where(t => t.Length >= 3 && t.All(char.IsAsciiLetter) && !_p.Units.Contains(t)).ToHashSet(StringComparer.Ordinal),
            Colours = _defaultColours ? Matching.Colours.In(tokens, brand) : [],
            AccessoryHead = AccessoryHeadOf(item.Name),
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
        var result = new List<(Candidate Candidate, Prepared Prepared, double Similarity)>();
        // blocking score, then the corpus position: the top 40 are the same whatever order the postings were built in
        foreach (var (i, _) in scores.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Take(CandidatesPerProduct))
        {
            var b = _corpus[i];
            var (confidence, blocked) = Score(a, b);
            if (blocked is null || includeBlocked) result.Add((new Candidate(b.Item, confidence, blocked), b, 0));
        }
        // ties broken by content, never by database ids: IDF similarity (computed for tied candidates only), then name, price, source id
        var tied = result.GroupBy(c => c.Candidate.Confidence).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        if (tied.Count > 0)
            for (var k = 0; k < result.Count; k++)
                if (tied.Contains(result[k].Candidate.Confidence)) result[k] = result[k] with { Similarity = IdfSimilarity(a, result[k].Prepared) };
        return result.OrderByDescending(c => c.Candidate.Confidence).ThenByDescending(c => c.Similarity)
            .ThenBy(c => c.Candidate.Product.Name, StringComparer.Ordinal).ThenBy(c => c.Candidate.Product.Price)
            .ThenBy(c => c.Candidate.Product.SourceId, StringComparer.Ordinal).Take(take).Select(c => c.Candidate).ToList();
    }

    public (double Confidence, string? BlockedBy) Score(Prepared a, Prepared b)
    {
        var name = Fuzz.TokenSetRatio(a.Text, b.Text);
        if (!_profileAware) return (name, null);
        if (Brands.Conflict(a.Brand, b.Brand)) return (0, "brand conflict");   // issue 19 §3: another brand is another product
        // a shared model number says "same model" whatever the rest of the wording (a rewritten listing: "New HP CB436A Printer
        // Supplies"); conflicts below (size, colour, accessory, variant) still count
        if (a.Identifiers.Overlaps(b.Identifiers)) name = Math.Max(name, SharedIdentifierName);
        foreach (var (when, block, reason) in _p.HardBlocks)
            if ((when.Any(w => ContainsWord(a.Text, w)) && block.Any(x => ContainsWord(b.Text, x)))
                || (when.Any(w => ContainsWord(b.Text, w)) && block.Any(x => ContainsWord(a.Text, x))))
                return (0, reason);

        double size = 50, penalty = 0;
        if (a.Sizes.Count > 0 && b.Sizes.Count > 0)
        {
            switch (Units.Relation(a.Sizes, b.Sizes))
            {
                case Units.SizeRelation.Same: size = 100; break;
                case Units.SizeRelation.Overlap: size = 60; break;
                default: size = 0; penalty += _p.SizeMismatchPenalty; break;
            }
        }
        else if (a.Sizes.Count == 0 && b.Sizes.Count == 0) size = 80;
        var brand = a.Brand is not null && b.Brand is not null ? 100 : 60;   // differing brands were blocked above
        if (a.Category is not null && b.Category is not null && a.Category != b.Category) penalty += _p.CategoryMismatchPenalty;
        if (IdentityConflict(a, b)) penalty += _p.SizeMismatchPenalty + 10;              // th50px80u vs th50pz80u, 2020 vs 2021, 120 vs 80 grit
        if (a.Variant is not null && b.Variant is not null && a.Variant != b.Variant) penalty += _p.SizeMismatchPenalty;   // petite vs large
        penalty += AttributeConflicts(a, b).Count() * _p.CategoryMismatchPenalty;           // amber vs black, salmon vs chicken, ethiopia vs colombia
        if (ColourConflict(a, b)) penalty += _p.SizeMismatchPenalty;                        // navy vs charcoal: another variant, like another size
        if (AccessoryConflict(a, b)) penalty += _p.CategoryMismatchPenalty;                 // a charger for the GPS is not the GPS
        var weights = _p.NameWeight + _p.SizeWeight + _p.BrandWeight;
        var combined = (name * _p.NameWeight + size * _p.SizeWeight + brand * _p.BrandWeight) / (weights <= 0 ? 1 : weights) - penalty;
        // sizes and numbers alone do not make the same product: without one informative word in common the pair stays low
        // (a shared model number is more than sizes and numbers: it is the product's identity)
        if (a.Words.Count > 0 && b.Words.Count > 0 && !a.Words.Overlaps(b.Words) && !a.Identifiers.Overlaps(b.Identifiers)) combined = Math.Min(combined, 35);
        return (Math.Round(Math.Clamp(combined, 0, 100), 2), null);
    }

    /// <summary>
    /// Identifiers decide when both names have one (a shared one: the same model, whatever other numbers say; none shared:
    /// another product); otherwise numbers outside sizes do (<see cref="NumbersConflict"/>).
    /// </summary>
    public static bool IdentityConflict(Prepared a, Prepared b) =>
        Matching.Identifiers.Conflict(a.Identifiers, b.Identifiers) ?? NumbersConflict(a, b);

    /// <summary>Both sides carry numbers the other lacks (an extra catalogue number on one side alone is no conflict).</summary>
    public static bool NumbersConflict(Prepared a, Prepared b) =>
        a.Numbers.Count > 0 && b.Numbers.Count > 0 && a.Numbers.Any(n => !b.Numbers.Contains(n)) && b.Numbers.Any(n => !a.Numbers.Contains(n));

    /// <summary>
    /// One side is an accessory "for" something ("Cigarette Lighter Adapter for Garmin nuvi GPS") and the other is not, and none of
    /// the accessory's own words (before "for") appear in the other: the device the accessory fits, not the accessory.
    /// </summary>
    public static bool AccessoryConflict(Prepared a, Prepared b) =>
        (a.AccessoryHead, b.AccessoryHead) switch
        {
            ({ } head, null) => !head.Overlaps(b.Words),
            (null, { } head) => !head.Overlaps(a.Words),
            _ => false,
        };

    static HashSet<string>? AccessoryHeadOf(string name)
    {
        var m = AccessoryConnector().Match(name.ToLowerInvariant());
        if (!m.Success || m.Index == 0) return null;
        var head = WordRx().Matches(name[..m.Index].ToLowerInvariant()).Select(w => w.Value).Where(w => w.Length >= 3 && w.All(char.IsAsciiLetter)).ToHashSet(StringComparer.Ordinal);
        return head.Count > 0 ? head : null;
    }

    /// <summary>Both sides name colours of the default vocabulary and none agree.</summary>
    public static bool ColourConflict(Prepared a, Prepared b) => a.Colours.Count > 0 && b.Colours.Count > 0 && !a.Colours.Overlaps(b.Colours);

    /// <summary>Extraction categories where both sides name values and none agree.</summary>
    public static IEnumerable<string> AttributeConflicts(Prepared a, Prepared b) =>
        a.Attributes.Where(kv => b.Attributes.TryGetValue(kv.Key, out var other) && !kv.Value.Overlaps(other)).Select(kv => kv.Key);

    /// <summary>The name similarity a pair sharing an identifier gets at least.</summary>
    public const int SharedIdentifierName = 90;

    /// <summary>
    /// Share of the smaller side's informative words found on the other side (1 when either has none); brand words are left out
    /// (brands are compared on their own) and a plural counts as its singular ("mugs" = "mug").
    /// </summary>
    public static double WordCoverage(Prepared a, Prepared b)
    {
        var (wa, wb) = (CoverageWords(a), CoverageWords(b));
        return wa.Count == 0 || wb.Count == 0 ? 1 : (double)wa.Count(wb.Contains) / Math.Min(wa.Count, wb.Count);
    }

    static HashSet<string> CoverageWords(Prepared p)
    {
        var brand = p.Brand?.Split(' ') ?? [];
        return p.Words.Where(w => !brand.Contains(w)).Select(Singular).ToHashSet(StringComparer.Ordinal);
    }

    static string Singular(string w) => w.Length > 3 && w[^1] == 's' && w[^2] != 's' ? w[..^1] : w;

    static readonly HashSet<string> VariantWords = new(StringComparer.Ordinal) { "mini", "petite", "small", "large", "xl", "xxl", "giant", "jumbo" };

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
    [GeneratedRegex(@"\s(?:for|compatible with|fits)\s")] private static partial Regex AccessoryConnector();
    [GeneratedRegex(@"[a-z0-9]+")] private static partial Regex WordRx();
    [GeneratedRegex(@"(\d)\s*x\s*(?=\d)")] private static partial Regex SpacedDims();
    [GeneratedRegex(@"(\d)\s+(oz|ml|cl|g|kg|mg|lb|lbs|l|in|ft|mm|cm|ct|dram|dr|gal|v|ah|pk|pcs)\b")] private static partial Regex NumberUnit();
    [GeneratedRegex(@"(\d)\s*(?:in|cm|mm)\s*x\s*(?=\d)")] private static partial Regex UnitDims();
    [GeneratedRegex(@"\d+")] private static partial Regex Digits();
    [GeneratedRegex(@"^\d+(?:[./]\d+)?(?:x\d+(?:[./]\d+)?)*(?<unit>[a-z]*)$")] private static partial Regex SizeRx();
}
