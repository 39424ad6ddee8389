using Api.Infrastructure.Auth;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;

namespace Api.Features.BrandInsights;

/// <summary>
/// What every dashboard slice does first (document 004 §1 and §9): the feature switch
/// (<c>BrandInsights:IntelligenceEnabled</c>, else 404 FEATURE_DISABLED), the token's <c>brand_key</c> against the path
/// (else 403 BRAND_ACCESS_DENIED), then brand resolution (else 404 BRAND_NOT_FOUND) inside a read transaction scoped to
/// the brand for row-level security. Dispose the returned <see cref="Brand"/> to end the transaction.
/// </summary>
sealed class BrandScope(AppDb db, IHttpContextAccessor http, IConfiguration config, TimeProvider clock)
{
    public const string FeatureSwitch = "BrandInsights:IntelligenceEnabled";
    static readonly string ResolveSql = Sql.Load<BrandScope>("ResolveBrand.sql");

    public async Task<ErrorOr<Brand>> EnterAsync(string brandKey, CancellationToken ct)
    {
        if (!config.GetValue(FeatureSwitch, true))
            return Error.NotFound("FEATURE_DISABLED", "Brand intelligence features are temporarily unavailable");
        if (http.HttpContext?.User.FindFirst(BrandInsightsAuth.BrandClaim)?.Value != brandKey)
            return Error.Forbidden("BRAND_ACCESS_DENIED", $"You do not have access to brand: {brandKey}");

        var tx = await db.BeginTransactionAsync(ct);
        try
        {
            var rows = await db.QueryToListAsync<Row>(ResolveSql, new { Key = brandKey }, ct);
            if (rows is not [var row])
            {
                await tx.DisposeAsync();
                return Error.NotFound("BRAND_NOT_FOUND", $"No brand found with key: {brandKey}");
            }
            return new Brand(row.Id, brandKey, row.Name, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), row.AsOf, tx);
        }
        catch
        {
            await tx.DisposeAsync();
            throw;
        }
    }

    sealed class Row
    {
        public long Id { get; init; }
        public string CannabrandsId { get; init; } = "";
        public string Name { get; init; } = "";
        public string Scope { get; init; } = "";
        public DateTimeOffset AsOf { get; init; }
    }
}

/// <summary>A resolved brand: its canonical id, the key as requested, "today" (UTC) and the scoped read transaction.</summary>
sealed record Brand(long Id, string Key, string Name, DateOnly Today, DateTimeOffset AsOf, DataConnectionTransaction Tx) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Tx.DisposeAsync();
}
