using FluentValidation;

namespace Api.Features.Wholesale.Procurement;

/// <summary>Field rules shared by the procurement slices (length, NUL characters, money with two decimals).</summary>
static class Rules
{
    public static IRuleBuilderOptions<T, string?> Text<T>(this IRuleBuilder<T, string?> rule, int max) =>
        rule.MaximumLength(max).WithMessage($"Must be at most {max} characters")
            .Must(s => s is null || !s.Contains('\0')).WithMessage("Must not contain NUL characters");

    public static IRuleBuilderOptions<T, decimal?> Money<T>(this IRuleBuilder<T, decimal?> rule) =>
        rule.Must(m => m is null || (m >= 0 && m < 10_000_000_000m)).WithMessage("Must be zero or more")
            .Must(m => m is null || decimal.Round(m.Value, 2) == m.Value).WithMessage("Must have at most two decimals");

    public static IRuleBuilderOptions<T, string?> OptionalEmail<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(e => string.IsNullOrEmpty(e) || (e.Length <= 254 && System.Net.Mail.MailAddress.TryCreate(e, out _) && e.Contains('@')))
            .WithMessage("Must be a valid email address");

    /// <summary>null: unchanged; "": cleared; otherwise trimmed.</summary>
    public static string? Clean(string? s) => s?.Trim();
}
