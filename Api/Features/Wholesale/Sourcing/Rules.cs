using System.Globalization;
using System.Text.Json;
using FluentValidation;

namespace Api.Features.Wholesale.Sourcing;

/// <summary>Field rules and state machines shared by the sourcing slices.</summary>
static class Rules
{
    public static IRuleBuilderOptions<T, string?> Text<T>(this IRuleBuilder<T, string?> rule, int max) =>
        rule.MaximumLength(max).WithMessage($"Must be at most {max} characters")
            .Must(s => s is null || !s.Contains('\0')).WithMessage("Must not contain NUL characters");

    public static IRuleBuilderOptions<T, decimal?> Money<T>(this IRuleBuilder<T, decimal?> rule) =>
        rule.Must(m => m is null || (m >= 0 && m < 10_000_000_000m)).WithMessage("Must be zero or more")
            .Must(m => m is null || decimal.Round(m.Value, 2) == m.Value).WithMessage("Must have at most two decimals");

    public static IRuleBuilderOptions<T, string?> Date<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(d => string.IsNullOrEmpty(d) || ParseDate(d) is not null).WithMessage("Must be a date (YYYY-MM-DD)");

    public static IRuleBuilderOptions<T, string?> OneOf<T>(this IRuleBuilder<T, string?> rule, IReadOnlyCollection<string> values) =>
        rule.Must(s => s is null || values.Contains(s)).WithMessage($"Must be one of: {string.Join(", ", values)}");

    /// <summary>ISO 4217 code: three letters (upper-cased before storing).</summary>
    public static IRuleBuilderOptions<T, string?> Currency<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(c => c is null || IsCurrency(c)).WithMessage("Must be an ISO 4217 currency code such as USD or CNY");

    static readonly HashSet<string> Currencies = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(c => { try { return new RegionInfo(c.Name).ISOCurrencySymbol; } catch (ArgumentException) { return null; } })
        .OfType<string>().Where(s => s.Length == 3).Concat(["USD", "CNY", "EUR", "HKD", "TWD", "VND", "INR", "MXN", "CAD", "GBP", "JPY", "KRW", "THB"])
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    public static bool IsCurrency(string c) => c.Length == 3 && c.All(char.IsAsciiLetter) && Currencies.Contains(c);

    /// <summary>YYYY-MM-DD, or an ISO date-time whose date is taken.</summary>
    public static DateOnly? ParseDate(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        s = s.Trim();
        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        return DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) && s.Length >= 10 && s[4] == '-'
            ? DateOnly.FromDateTime(t.Date) : null;
    }

    public static string? Clean(string? s) => s?.Trim();
    public static string? Opt(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    public static string? Json<T>(T? value) => value is null ? null : JsonSerializer.Serialize(value);

    public static readonly string[] RfqStatuses = ["draft", "sent", "quoted", "awarded", "closed", "cancelled"];
    public static readonly string[] ShipmentStatuses = ["production", "qc", "shipped", "in_transit", "customs", "arrived", "received", "cancelled"];
    public static readonly string[] QcResults = ["pending", "pass", "fail", "conditional"];
    public static readonly string[] PaymentStatuses = ["pending", "scheduled", "paid", "cancelled", "refunded"];
    public static readonly string[] DefectSeverities = ["minor", "major", "critical"];

    /// <summary>
    /// Shipments move forward through the pipeline (stages may be skipped: not every shipment clears customs or a QC
    /// stop), may be cancelled until received, and never move back; received and cancelled are final.
    /// </summary>
    public static bool ShipmentMoveAllowed(string from, string to)
    {
        if (from is "received" or "cancelled") return false;
        if (to == "cancelled") return true;
        return Array.IndexOf(ShipmentStatuses, to) > Array.IndexOf(ShipmentStatuses, from);
    }

    /// <summary>pending → scheduled/paid/cancelled; scheduled → pending/paid/cancelled; paid → refunded; cancelled, refunded final.</summary>
    public static bool PaymentMoveAllowed(string from, string to) => (from, to) switch
    {
        ("pending", "scheduled" or "paid" or "cancelled") => true,
        ("scheduled", "pending" or "paid" or "cancelled") => true,
        ("paid", "refunded") => true,
        _ => false,
    };
}
