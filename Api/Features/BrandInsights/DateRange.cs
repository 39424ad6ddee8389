namespace Api.Features.BrandInsights;

/// <summary>
/// The <c>from</c>/<c>to</c> query dates of the timeseries (issue 17 §3): a date outside 2000-01-01..2999-12-31 (where the
/// default <c>from</c> = <c>to</c> − 30 days and the bucket arithmetic stay in range) or a parameter given with no value is a
/// 422 <c>INVALID_PARAMS</c> naming it, never a 500.
/// </summary>
static class DateRange
{
    public static readonly DateOnly Min = new(2000, 1, 1);
    public static readonly DateOnly Max = new(2999, 12, 31);
    public const string OutOfRange = "Must be a date between 2000-01-01 and 2999-12-31";
    public const string Blank = "Must be a date (YYYY-MM-DD) when given";

    public static bool InRange(DateOnly? d) => d is null || (d >= Min && d <= Max);

    /// <summary>False when the query names <paramref name="name"/> with an empty value (<c>?to=</c>), which binds as "absent".</summary>
    public static bool NotBlank(IHttpContextAccessor http, string name) =>
        http.HttpContext?.Request.Query.TryGetValue(name, out var v) != true || !string.IsNullOrWhiteSpace(v);
}
