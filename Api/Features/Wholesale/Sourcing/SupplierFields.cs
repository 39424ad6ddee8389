using FluentValidation;
using FluentValidation.Results;

namespace Api.Features.Wholesale.Sourcing;

/// <summary>The optional supplier fields' rules (create and update share them).</summary>
static class SupplierFields
{
    public static void Check<T>(string? nameCn, string? platform, string? location, string? contactName, string? contactWechat,
        string? contactEmail, string? contactPhone, List<string>? categories, int? rating, int? leadTimeDays, string? moqNotes,
        string? paymentTerms, string? notes, ValidationContext<T> ctx)
    {
        void Fail(string field, string message) => ctx.AddFailure(new ValidationFailure(field, message));
        foreach (var (field, value, max) in new[]
                 {
                     ("name_cn", nameCn, 200), ("platform", platform, 100), ("location", location, 200), ("contact_name", contactName, 200),
                     ("contact_wechat", contactWechat, 100), ("contact_email", contactEmail, 254), ("contact_phone", contactPhone, 50),
                     ("moq_notes", moqNotes, 2000), ("payment_terms", paymentTerms, 500), ("notes", notes, 5000),
                 })
        {
            if (value is null) continue;
            if (value.Length > max) Fail(field, $"Must be at most {max} characters");
            if (value.Contains('\0')) Fail(field, "Must not contain NUL characters");
        }
        if (!string.IsNullOrEmpty(contactEmail) && !(System.Net.Mail.MailAddress.TryCreate(contactEmail, out _) && contactEmail.Contains('@')))
            Fail("contact_email", "Must be a valid email address");
        if (categories is not null)
        {
            if (categories.Count > 50) Fail("product_categories", "At most 50 categories");
            if (categories.Any(c => string.IsNullOrWhiteSpace(c) || c.Length > 100 || c.Contains('\0')))
                Fail("product_categories", "Each category must be a non-empty name of at most 100 characters");
        }
        if (rating is not null and not (>= 1 and <= 5)) Fail("rating", "Must be between 1 and 5");
        if (leadTimeDays is not null and not (>= 0 and <= 3650)) Fail("lead_time_days", "Must be between 0 and 3650 days");
    }

    /// <summary>Trimmed, de-duplicated (case-insensitively), in the order given.</summary>
    public static string[]? Categories(List<string>? categories) =>
        categories?.Select(c => c.Trim()).DistinctBy(c => c.ToLowerInvariant()).ToArray();
}
