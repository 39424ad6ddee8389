using System.Text.Json;

namespace Api.Features.PriceWatch.Common.Matching;

/// <summary>The parts of an industry profile the matcher, extractors and backfill use (shapes: db/sql/pricewatch/0002).</summary>
sealed class MatchProfile
{
    public string Slug { get; init; } = "default";
    public IReadOnlyList<(string Name, string[] Keywords)> Categories { get; init; } = [];
    public double MinConfidence { get; init; } = 60;
    public double NameWeight { get; init; } = 0.7;
    public double SizeWeight { get; init; } = 0.2;
    public double BrandWeight { get; init; } = 0.1;
    public double SizeMismatchPenalty { get; init; } = 30;
    public double CategoryMismatchPenalty { get; init; } = 20;
    public double AiVerifyMin { get; init; } = 40;
    public double AiVerifyMax { get; init; } = 79;
    /// <summary>variant spelling (lower case) → canonical token, longest first.</summary>
    public IReadOnlyList<(string Variant, string Canonical)> Equivalences { get; init; } = [];
    public HashSet<string> StopWords { get; init; } = new(StringComparer.Ordinal) { "the", "and", "with", "for", "of", "a", "an", "new" };
    public IReadOnlyList<(string[] When, string[] Block, string Reason)> HardBlocks { get; init; } = [];
    /// <summary>alias (lower case) → brand.</summary>
    public IReadOnlyList<(string Alias, string Brand)> Brands { get; init; } = [];
    public HashSet<string> Units { get; init; } = new(StringComparer.Ordinal) { "oz", "ml", "g", "kg", "lb", "l", "in", "mm", "cm", "ct" };
    public IReadOnlyList<(string Name, string[] Values)> ExtractionCategories { get; init; } = [];
    public IReadOnlyList<string> AiRules { get; init; } = [];
    public bool UseNewMatcher { get; init; }
    /// <summary>
    /// <c>scoring_config.allow_many_to_one</c> (default false): several of the tenant's products may be matched to the same
    /// competitor product (a store that lists variants separately against a competitor's single listing). Off, the matching run
    /// assigns each competitor product to at most one own product (<see cref="Assignment"/>).
    /// </summary>
    public bool AllowManyToOne { get; init; }

    public static readonly MatchProfile Default = new();

    public sealed class Row
    {
        public string IndustrySlug { get; init; } = "";
        public string Categories { get; init; } = "[]";
        public string ScoringConfig { get; init; } = "{}";
        public string SearchTerms { get; init; } = "{}";
        public string SizeEquivalences { get; init; } = "{}";
        public string HardBlockRules { get; init; } = "[]";
        public string SpecialtyBrands { get; init; } = "{}";
        public string UnitTypes { get; init; } = "[]";
        public string AiExtractionCategories { get; init; } = "[]";
        public string AiMatchingRules { get; init; } = "[]";
        public bool UseNewMatcher { get; init; }
    }

    /// <summary>Lenient: fields of an unexpected shape fall back to defaults (profiles are tenant-written JSON).</summary>
    public static MatchProfile From(Row r)
    {
        using var categories = JsonDocument.Parse(r.Categories);
        using var scoring = JsonDocument.Parse(r.ScoringConfig);
        using var terms = JsonDocument.Parse(r.SearchTerms);
        using var sizes = JsonDocument.Parse(r.SizeEquivalences);
        using var blocks = JsonDocument.Parse(r.HardBlockRules);
        using var brands = JsonDocument.Parse(r.SpecialtyBrands);
        using var units = JsonDocument.Parse(r.UnitTypes);
        using var extraction = JsonDocument.Parse(r.AiExtractionCategories);
        using var rules = JsonDocument.Parse(r.AiMatchingRules);

        bool Flag(string name) =>
            scoring.RootElement.ValueKind == JsonValueKind.Object && scoring.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;
        double Num(string name, double fallback) =>
            scoring.RootElement.ValueKind == JsonValueKind.Object && scoring.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number
                ? v.GetDouble() : fallback;

        var equivalences = new List<(string, string)>();
        if (sizes.RootElement.ValueKind == JsonValueKind.Object)
            foreach (var p in sizes.RootElement.EnumerateObject())
            {
                var canonical = Norm(p.Name).Replace(" ", "");
                equivalences.Add((Norm(p.Name), canonical));
                foreach (var v in Strings(p.Value)) equivalences.Add((Norm(v), canonical));
            }
        if (terms.RootElement.ValueKind == JsonValueKind.Object && terms.RootElement.TryGetProperty("synonyms", out var syn) && syn.ValueKind == JsonValueKind.Object)
            foreach (var p in syn.EnumerateObject())
                foreach (var v in Strings(p.Value)) equivalences.Add((Norm(v), Norm(p.Name)));

        var stop = new HashSet<string>(Default.StopWords, StringComparer.Ordinal);
        if (terms.RootElement.ValueKind == JsonValueKind.Object && terms.RootElement.TryGetProperty("stop_words", out var sw))
            foreach (var w in Strings(sw)) stop.Add(Norm(w));

        var brandList = new List<(string, string)>();
        if (brands.RootElement.ValueKind == JsonValueKind.Object)
            foreach (var p in brands.RootElement.EnumerateObject())
            {
                brandList.Add((Norm(p.Name), p.Name));
                foreach (var a in Strings(p.Value)) brandList.Add((Norm(a), p.Name));
            }

        var unitSet = new HashSet<string>(Default.Units, StringComparer.Ordinal);
        foreach (var u in Strings(units.RootElement)) unitSet.Add(Norm(u));

        return new MatchProfile
        {
            Slug = r.IndustrySlug,
            Categories = Objects(categories.RootElement).Select(o => (Str(o, "name") ?? "", Strings(Prop(o, "keywords")).Select(Norm).ToArray()))
                .Where(c => c.Item1.Length > 0).ToList(),
            MinConfidence = Num("min_confidence", 60), NameWeight = Num("name_weight", 0.7), SizeWeight = Num("size_weight", 0.2),
            BrandWeight = Num("brand_weight", 0.1), SizeMismatchPenalty = Num("size_mismatch_penalty", 30),
            CategoryMismatchPenalty = Num("category_mismatch_penalty", 20), AiVerifyMin = Num("ai_verify_min", 40), AiVerifyMax = Num("ai_verify_max", 79),
            Equivalences = equivalences.Where(e => e.Item1.Length > 0).DistinctBy(e => e.Item1).OrderByDescending(e => e.Item1.Length).ToList(),
            StopWords = stop,
            HardBlocks = Objects(blocks.RootElement).Select(o => (Strings(Prop(o, "when")).Select(Norm).ToArray(),
                Strings(Prop(o, "block")).Select(Norm).ToArray(), Str(o, "reason") ?? "hard block")).Where(b => b.Item1.Length > 0 && b.Item2.Length > 0).ToList(),
            Brands = brandList.OrderByDescending(b => b.Item1.Length).ToList(),
            Units = unitSet,
            ExtractionCategories = Objects(extraction.RootElement).Select(o => (Str(o, "name") ?? "", Strings(Prop(o, "values")).Select(Norm).ToArray()))
                .Where(c => c.Item1.Length > 0).ToList(),
            AiRules = Strings(rules.RootElement).ToList(),
            UseNewMatcher = r.UseNewMatcher,
            AllowManyToOne = Flag("allow_many_to_one"),
        };
    }

    public static string Norm(string s) => string.Join(' ', s.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    static IEnumerable<JsonElement> Objects(JsonElement e) =>
        e.ValueKind == JsonValueKind.Array ? e.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.Object).ToList() : [];
    static JsonElement Prop(JsonElement o, string name) => o.TryGetProperty(name, out var v) ? v : default;
    static string? Str(JsonElement o, string name) => o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
    static IEnumerable<string> Strings(JsonElement e) =>
        e.ValueKind == JsonValueKind.Array ? e.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList()
        : e.ValueKind == JsonValueKind.String ? [e.GetString()!] : [];
}
