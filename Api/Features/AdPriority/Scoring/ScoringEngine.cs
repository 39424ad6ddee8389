using System.Text;
using System.Text.RegularExpressions;

namespace Api.Features.AdPriority.Scoring;

/// <summary>A tag modifier: add <see cref="Adjustment"/> to the priority, or replace it with <see cref="Override"/>.</summary>
public sealed record TagModifier(int? Adjustment, int? Override);

/// <summary>A category rule as the engine sees it. <see cref="Season"/> null = all-season default.</summary>
public sealed record RuleDef(Guid Id, string Pattern, string? Season, int BasePriority, IReadOnlyDictionary<string, TagModifier> TagAdjustments);

/// <summary>Everything a tenant's scores depend on besides the products themselves.</summary>
public sealed record ScoringConfig
{
    public required string CurrentSeason { get; init; }
    public IReadOnlyList<RuleDef> Rules { get; init; } = [];
    /// <summary>The current season's calendar overrides: category group → priority.</summary>
    public IReadOnlyDictionary<string, int> SeasonOverrides { get; init; } = new Dictionary<string, int>();
    /// <summary>Tenant-wide tag modifiers; a rule's own <c>modifiers.tagAdjustments</c> win for the same tag.</summary>
    public IReadOnlyDictionary<string, TagModifier> TagModifiers { get; init; } = new Dictionary<string, TagModifier>();
    public int DefaultPriority { get; init; } = 3;
    public int NewArrivalDays { get; init; } = 14;
    public int NewArrivalPriority { get; init; } = 5;
    public required DateTime Now { get; init; }
}

/// <summary>A computed variant score and its five Merchant Center custom labels.</summary>
public readonly record struct VariantScore(int Priority, string Label0, string Label1, string Label2, string Label3, string Label4)
{
    public VariantScore WithPriority(int priority) => this with { Priority = priority, Label0 = ScoringEngine.PriorityLabel(priority) };
}

/// <summary>What a recalculation does with one variant whose previous score is known.</summary>
public enum ScoreChange { Unchanged, Increased, Decreased, SkippedOverride }

/// <summary>
/// The pure scoring rules (docs/adpriority.md, "Scoring"). No I/O: the recalculator, webhooks, syncs and the scheduled run
/// load a <see cref="ScoringConfig"/> and call <see cref="Score"/> per variant. Rule matching is cached per product type.
/// </summary>
public sealed class ScoringEngine
{
    public const int Min = 0, Max = 5;
    public static readonly string[] Seasons = ["winter", "spring", "summer", "fall"];

    readonly ScoringConfig _config;
    readonly List<CompiledRule> _rules;
    readonly Dictionary<string, Match> _byType = new(StringComparer.Ordinal);
    readonly Dictionary<string, TagModifier> _tenantTags;
    readonly DateTime _newArrivalSince;

    public ScoringEngine(ScoringConfig config)
    {
        _config = config;
        _rules = config.Rules.Select(CompiledRule.From).ToList();
        _tenantTags = new Dictionary<string, TagModifier>(config.TagModifiers, StringComparer.OrdinalIgnoreCase);
        _newArrivalSince = config.NewArrivalDays > 0 ? config.Now.AddDays(-config.NewArrivalDays) : DateTime.MaxValue;
    }

    public ScoringConfig Config => _config;

    /// <summary>The score of one variant of a product (product type, tags, creation time) with this much stock.</summary>
    public VariantScore Score(string productType, IReadOnlyList<string> tags, DateTime productCreatedAt, int inventoryQuantity)
    {
        var match = MatchFor(productType ?? "");

        // 1. base: season-specific rule > current season's calendar override > all-season rule > tenant default
        int value;
        IReadOnlyDictionary<string, TagModifier> ruleTags;
        if (match.SeasonRule is { } sr) (value, ruleTags) = (sr.Def.BasePriority, sr.Def.TagAdjustments);
        else if (_config.SeasonOverrides.TryGetValue(match.Category, out var seasonal))
            (value, ruleTags) = (seasonal, match.AllSeasonRule?.Def.TagAdjustments ?? Empty);
        else if (match.AllSeasonRule is { } ar) (value, ruleTags) = (ar.Def.BasePriority, ar.Def.TagAdjustments);
        else (value, ruleTags) = (_config.DefaultPriority, Empty);

        // 2. tag adjustments add up; 3. new-arrival boost raises to at least newArrivalPriority; 4. tag overrides replace
        int? tagOverride = null;
        var brand = false;
        foreach (var tag in tags)
        {
            if (Slug(tag) == "name-brand") brand = true;
            var mod = ruleTags.TryGetValue(tag, out var m) ? m : FindIgnoreCase(ruleTags, tag) ?? _tenantTags.GetValueOrDefault(tag);
            if (mod is null) continue;
            if (mod.Override is { } o) tagOverride = tagOverride is { } prev ? Math.Min(prev, o) : o;
            else if (mod.Adjustment is { } a) value += a;
        }
        if (productCreatedAt >= _newArrivalSince) value = Math.Max(value, _config.NewArrivalPriority);
        if (tagOverride is { } over) value = over;

        // 5. clamp; 6. no stock is dead stock
        value = Math.Clamp(value, Min, Max);
        var inStock = inventoryQuantity > 0;
        if (!inStock) value = 0;

        return new VariantScore(value, PriorityLabel(value), _config.CurrentSeason, match.Category,
            inStock ? "in-stock" : "dead-stock", brand ? "name-brand" : "standard");
    }

    /// <summary>
    /// Manual overrides are locked: without <paramref name="includeOverrides"/> a locked score keeps its priority (its other
    /// labels still follow the season, category, stock and brand). Returns the score to store and how it changed.
    /// </summary>
    public static (VariantScore Score, bool Locked, ScoreChange Change) Apply(VariantScore computed, int? previous, bool previousLocked, bool includeOverrides)
    {
        if (previousLocked && !includeOverrides && previous is { } kept)
            return (computed.WithPriority(kept), true, ScoreChange.SkippedOverride);
        var change = previous is not { } p || p == computed.Priority ? ScoreChange.Unchanged
            : computed.Priority > p ? ScoreChange.Increased : ScoreChange.Decreased;
        return (computed, false, change);
    }

    public static string PriorityLabel(int priority) => "priority-" + priority;

    /// <summary>Human label of a score, as shown in product lists.</summary>
    public static string Describe(int priority) => priority switch
    {
        5 => "Push Hard", 4 => "Strong", 3 => "Normal", 2 => "Low", 1 => "Minimal", _ => "Exclude",
    };

    /// <summary>Lowercase words joined by '-': "Hoodies &amp; Sweatshirts" → "hoodies-sweatshirts".</summary>
    public static string Slug(string s)
    {
        var sb = new StringBuilder(s.Length);
        var dash = false;
        foreach (var ch in s)
        {
            if (char.IsAsciiLetterOrDigit(ch)) { if (dash && sb.Length > 0) sb.Append('-'); sb.Append(char.ToLowerInvariant(ch)); dash = false; }
            else dash = true;
        }
        return sb.ToString();
    }

    /// <summary>The category group (label 2) of a product type when no rule names it: its last '-' segment, slugged.</summary>
    public static string FallbackCategory(string productType)
    {
        var last = productType.Split('-', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        return last is null || Slug(last) is not { Length: > 0 } s ? "uncategorized" : s;
    }

    /// <summary>Whether a rule pattern matches a product type (see docs: glob with * and ?, else whole-segment match).</summary>
    public static bool Matches(string pattern, string productType) => CompiledRule.From(new RuleDef(Guid.Empty, pattern, null, 0, Empty)).IsMatch(productType);

    static readonly IReadOnlyDictionary<string, TagModifier> Empty = new Dictionary<string, TagModifier>();

    static TagModifier? FindIgnoreCase(IReadOnlyDictionary<string, TagModifier> d, string tag)
    {
        if (d.Count == 0) return null;
        foreach (var (k, v) in d) if (string.Equals(k, tag, StringComparison.OrdinalIgnoreCase)) return v;
        return null;
    }

    Match MatchFor(string productType)
    {
        if (_byType.TryGetValue(productType, out var cached)) return cached;
        CompiledRule? season = null, all = null;
        foreach (var r in _rules)
        {
            if (!r.IsMatch(productType)) continue;
            if (r.Def.Season is null) { if (all is null || r.Specificity > all.Specificity) all = r; }
            else if (r.Def.Season == _config.CurrentSeason && (season is null || r.Specificity > season.Specificity)) season = r;
        }
        // the more specific pattern decides the category; a season-specific rule only wins over an all-season rule that is no more specific
        if (season is not null && all is not null && all.Specificity > season.Specificity) season = null;
        var category = (season ?? all)?.Category is { Length: > 0 } c ? c : FallbackCategory(productType);
        return _byType[productType] = new Match(season, all, category);
    }

    sealed record Match(CompiledRule? SeasonRule, CompiledRule? AllSeasonRule, string Category);

    sealed class CompiledRule
    {
        public required RuleDef Def { get; init; }
        public required int Specificity { get; init; }
        public required string Category { get; init; }
        Regex? _glob;
        string _slug = "";

        public static CompiledRule From(RuleDef def)
        {
            var pattern = def.Pattern.Trim();
            var glob = pattern.Contains('*') || pattern.Contains('?');
            var rule = new CompiledRule
            {
                Def = def,
                Specificity = pattern.Count(ch => ch is not ('*' or '?')),
                Category = Slug(pattern.Replace("*", " ").Replace("?", " ")),
            };
            if (glob)
                rule._glob = new Regex("^" + Regex.Escape(pattern).Replace("\\*", ".*").Replace("\\?", ".") + "$",
                    RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50));
            else rule._slug = Slug(pattern);
            return rule;
        }

        public bool IsMatch(string productType)
        {
            if (_glob is not null) return _glob.IsMatch(productType);
            if (_slug.Length == 0) return false;
            var t = Slug(productType);
            if (t.Length < _slug.Length) return false;
            var i = 0;
            while ((i = t.IndexOf(_slug, i, StringComparison.Ordinal)) >= 0)
            {
                var startOk = i == 0 || t[i - 1] == '-';
                var end = i + _slug.Length;
                if (startOk && (end == t.Length || t[end] == '-')) return true;
                i++;
            }
            return false;
        }
    }
}
