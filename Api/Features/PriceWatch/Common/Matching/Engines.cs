using System.Text.RegularExpressions;

namespace Api.Features.PriceWatch.Common.Matching;

/// <summary>
/// What a matching engine tells the session: <see cref="Engine"/> names what decided (including a partial local fallback),
/// <see cref="Note"/> is the session message when some items fell back to the local engine ("local fallback: ...").
/// Remote engines are scoped (one per job run) and count their fallbacks; local ones are stateless.
/// </summary>
interface IEngineReport
{
    string Engine { get; }
    string? Note => null;
}

/// <summary>
/// Second opinion on an uncertain fuzzy match (hybrid: 40-79 %) and the judge of the "ai" method: the OpenAI-compatible chat
/// endpoint when <c>Integrations:OpenAi</c> has a base URL and chat model (<see cref="OpenAiVerifier"/>), else the local
/// rule-based verifier below.
/// </summary>
interface IMatchVerifier : IEngineReport
{
    Task<(bool Same, double Confidence)> VerifyAsync(Prepared own, Prepared candidate, double fuzzyConfidence, MatchProfile profile, CancellationToken ct);
}

/// <summary>
/// Vector embeddings for products: the OpenAI-compatible embeddings endpoint when configured (<see cref="OpenAiEmbedder"/>),
/// else the local sentence-embedding model (<see cref="LocalModelEmbedder"/>). A null entry means "no vector for this text in
/// this run" (left for the next run). <see cref="Model"/> is stored with every vector (<c>embedding_model</c>).
/// </summary>
interface IEmbedder : IEngineReport
{
    string Model { get; }
    Task<float[]?[]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken ct);
}

/// <summary>Attribute extraction for backfill: chat when configured and the plan has AI matching, else the profile's vocabularies.</summary>
interface IAttributeExtractor : IEngineReport
{
    Task<Dictionary<string, object>> ExtractAsync(string text, MatchProfile profile, CancellationToken ct);
}

sealed class LocalRuleVerifier : IMatchVerifier
{
    public string Engine => "local rule-based verifier (no OpenAI-compatible endpoint configured)";

    public Task<(bool Same, double Confidence)> VerifyAsync(Prepared a, Prepared b, double fuzzy, MatchProfile profile, CancellationToken ct)
    {
        var conflicts = 0;
        if (a.Sizes.Count > 0 && b.Sizes.Count > 0 && Units.Relation(a.Sizes, b.Sizes) == Units.SizeRelation.Different) conflicts++;
        if (a.Category is not null && b.Category is not null && a.Category != b.Category) conflicts++;
        if (Brands.Conflict(a.Brand, b.Brand)) conflicts++;
        conflicts += FuzzyMatcher.AttributeConflicts(a, b).Count();
        if (FuzzyMatcher.ColourConflict(a, b)) conflicts++;
        if (FuzzyMatcher.AccessoryConflict(a, b)) conflicts++;
        if (FuzzyMatcher.IdentityConflict(a, b)) conflicts++;
        if (a.Variant is not null && b.Variant is not null && a.Variant != b.Variant) conflicts++;
        // positive evidence: a shared model number (a rewritten listing, "New Panasonic KX-TGA670B Phone (Retail Packaging)",
        // keeps the model and drops the words), the same brand named on both sides with a shared catalogue number of 2+ digits
        // ("New Bose 40271 Audio", "Klein Tools 32500 11-in-1"), or most of the shorter name's words in the other
        if (!SharedIdentifier(a, b) && !SameBrandAndNumber(a, b) && FuzzyMatcher.WordCoverage(a, b) < 0.5) conflicts++;
        var agree = (a.Sizes.Count > 0 && b.Sizes.Count > 0 && Units.Relation(a.Sizes, b.Sizes) == Units.SizeRelation.Same ? 1 : 0) + (a.Category is not null && a.Category == b.Category ? 1 : 0);
        var same = conflicts == 0 && (fuzzy >= 45 || SharedIdentifier(a, b));
        var confidence = same ? Math.Min(95, Math.Max(fuzzy, 80) + 5 * agree) : Math.Min(fuzzy, 35);
        return Task.FromResult((same, Math.Round(confidence, 2)));
    }

    static bool SharedIdentifier(Prepared a, Prepared b) => a.Identifiers.Overlaps(b.Identifiers);

    static bool SameBrandAndNumber(Prepared a, Prepared b) =>
        a.Brand is not null && a.Brand == b.Brand && a.Numbers.Any(n => n.Length >= 2 && b.Numbers.Contains(n));
}

/// <summary>
/// The shared in-process sentence-embedding model (all-MiniLM-L6-v2, 384 dimensions, L2-normalised; see
/// <see cref="Api.Infrastructure.Integrations.Embeddings.LocalEmbedder"/>), batched; runs inside the embed job only.
/// </summary>
sealed class LocalModelEmbedder(Api.Infrastructure.Integrations.Embeddings.LocalEmbedder model) : IEmbedder
{
    public string Engine => $"local sentence embeddings ({Model}, {Dimensions} dimensions; no OpenAI-compatible endpoint configured)";
    public string Model => Api.Infrastructure.Integrations.Embeddings.LocalEmbedder.ModelName;
    public int Dimensions => Api.Infrastructure.Integrations.Embeddings.LocalEmbedder.Dimensions;

    public async Task<float[]?[]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken ct) => await model.EmbedAsync(texts, ct);
}

sealed partial class LocalAttributeExtractor : IAttributeExtractor
{
    public const string Name = "local rule-based extraction from the industry profile";
    public string Engine => Name + " (no OpenAI-compatible endpoint configured)";

    public Task<Dictionary<string, object>> ExtractAsync(string text, MatchProfile profile, CancellationToken ct)
    {
        var norm = MatchProfile.Norm(text);
        var attributes = new Dictionary<string, object>();
        foreach (var (name, keywords) in profile.Categories)
            if (keywords.Any(k => Regex.IsMatch(norm, $@"\b{Regex.Escape(k)}\b"))) { attributes["category"] = name; break; }
        foreach (var (name, values) in profile.ExtractionCategories)
            if (values.FirstOrDefault(v => Regex.IsMatch(norm, $@"\b{Regex.Escape(v)}\b")) is { } value) attributes[name] = value;
        var sizes = Size().Matches(norm).Select(m => m.Value.Replace(" ", "")).Where(s => profile.Units.Any(u => s.EndsWith(u, StringComparison.Ordinal)) || s.Contains('x')).Distinct().ToList();
        if (sizes.Count > 0) attributes["size"] = string.Join(", ", sizes);
        attributes["pack_quantity"] = PackQuantity.Extract(text);
        return Task.FromResult(attributes);
    }

    [GeneratedRegex(@"\d+(?:[./]\d+)?\s?(?:x\s?\d+(?:[./]\d+)?)?\s?[a-z]{0,4}\b")] private static partial Regex Size();
}
