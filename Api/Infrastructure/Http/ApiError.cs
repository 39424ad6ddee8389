namespace Api.Infrastructure.Http;

/// <summary>A field that failed validation. <paramref name="Location"/> is "body", "query", "path" or "header".</summary>
public sealed record FieldError(string Field, string Message, string Location = "body", string? Type = null, object? Value = null);

/// <summary>
/// A failure on its way to the wire, before a module's envelope shapes it. <see cref="Code"/> is the documented error code
/// where the module has codes (AdPriority, BrandInsights); <see cref="Fields"/> is non-empty for validation failures.
/// </summary>
public sealed record ApiError(int Status, string? Code, string Message)
{
    public IReadOnlyList<FieldError> Fields { get; init; } = [];
    public IReadOnlyDictionary<string, object?>? Details { get; init; }
    public bool IsValidation => Fields.Count > 0;

    public static ApiError Validation(IReadOnlyList<FieldError> fields, string? code = null, string? message = null) =>
        new(400, code, message ?? fields.FirstOrDefault()?.Message ?? "Invalid request") { Fields = fields };
}
