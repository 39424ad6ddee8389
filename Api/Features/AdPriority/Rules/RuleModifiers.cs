using System.Text.Json;
using FluentValidation;

namespace Api.Features.AdPriority.Rules;

/// <summary>
/// Validation of a rule's <c>modifiers</c> object (Create and Update): any JSON object; when it has <c>tagAdjustments</c>, each
/// entry is <c>{"adjustment": -5..5}</c> or <c>{"override": 0..5}</c>.
/// </summary>
static class RuleModifiers
{
    public static readonly string[] Seasons = ["winter", "spring", "summer", "fall"];

    public static string? Problem(JsonElement? modifiers)
    {
        if (modifiers is not { } m || m.ValueKind == JsonValueKind.Null) return null;
        if (m.ValueKind != JsonValueKind.Object) return "modifiers must be an object";
        if (!m.TryGetProperty("tagAdjustments", out var adj)) return null;
        if (adj.ValueKind != JsonValueKind.Object) return "modifiers.tagAdjustments must be an object";
        foreach (var tag in adj.EnumerateObject())
        {
            if (tag.Name.Length is 0 or > 255) return "tag names must be 1-255 characters";
            if (tag.Value.ValueKind != JsonValueKind.Object) return $"modifiers.tagAdjustments.{tag.Name} must be an object";
            var hasA = tag.Value.TryGetProperty("adjustment", out var a);
            var hasO = tag.Value.TryGetProperty("override", out var o);
            if (!hasA && !hasO) return $"modifiers.tagAdjustments.{tag.Name} needs adjustment or override";
            if (hasA && (!a.TryGetInt32(out var ai) || ai is < -5 or > 5)) return $"modifiers.tagAdjustments.{tag.Name}.adjustment must be an integer between -5 and 5";
            if (hasO && (!o.TryGetInt32(out var oi) || oi is < 0 or > 5)) return $"modifiers.tagAdjustments.{tag.Name}.override must be an integer between 0 and 5";
        }
        return null;
    }

    public static IRuleBuilderOptions<T, JsonElement?> ValidModifiers<T>(this IRuleBuilder<T, JsonElement?> rule) =>
        rule.Must(m => Problem(m) is null).WithMessage((_, m) => Problem(m)).WithErrorCode("modifiers");

    public static string Json(JsonElement? modifiers) => modifiers is { ValueKind: JsonValueKind.Object } m ? m.GetRawText() : "{}";
    public static JsonElement Parse(string json) { using var d = JsonDocument.Parse(json); return d.RootElement.Clone(); }

    /// <summary>How many live products of the tenant each pattern matches (by distinct product type).</summary>
    public static int Matching(string pattern, IReadOnlyList<(string Type, int Count)> types) =>
        types.Where(t => Scoring.ScoringEngine.Matches(pattern, t.Type)).Sum(t => t.Count);

    public const string TypeCountsSql = """
        select product_type as "Type", count(*)::int as "Count" from adpriority.products
        where tenant_id = @TenantId and deleted_at is null group by product_type
        """;
}
