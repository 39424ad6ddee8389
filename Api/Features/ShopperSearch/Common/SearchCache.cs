using System.Globalization;
using System.Text.Json;
using Api.Infrastructure.Database;
using LinqToDB.Data;

namespace Api.Features.ShopperSearch.Common;

sealed record CachedSearch(string Response, int ResultCount, int Hits);

/// <summary>
/// Search results cached 7 days in <c>shopper.search_results</c>, keyed per merchant on the operation and a readable key:
/// the normalised query, then only what changes the result (colour, limit, explicit prices, gender, preference signals).
/// The search endpoints and their cache-check companions build the key with the same functions.
/// </summary>
static class SearchCache
{
    static readonly string GetSql = Sql.Load<CachedSearch>("SearchCache.sql");
    static readonly string PeekSql = Sql.Load<CachedSearch>("SearchCachePeek.sql");
    static readonly string PutSql = Sql.Load<CachedSearch>("SearchCachePut.sql");

    public static string TextKey(string? query, int limit, IEnumerable<string>? genders, double? min, double? max,
        IEnumerable<string>? favoriteColors, IEnumerable<string>? materials)
    {
        var key = QueryText.Normalize(query);
        if (limit != 10) key += "|limit=" + limit.ToString(CultureInfo.InvariantCulture);
        if (genders?.Select(g => g.Trim().ToLowerInvariant()).Where(g => g.Length > 0).Distinct().Order().ToList() is { Count: > 0 } gs) key += "|gender=" + string.Join(',', gs);
        if (min is { } mn) key += "|min=" + Colors.Format(mn);
        if (max is { } mx) key += "|max=" + Colors.Format(mx);
        if (Clean(favoriteColors) is { Count: > 0 } fc) key += "|colors=" + string.Join(',', fc);
        if (Clean(materials) is { Count: > 0 } ms) key += "|materials=" + string.Join(',', ms);
        return key;
    }

    public static string ColorKey(string? query, (byte R, byte G, byte B)? color, int limit, double? min, double? max)
    {
        var key = QueryText.Normalize(query) + "|" + (color is { } c ? Colors.Canonical(c) : "");
        if (limit != 10) key += "|limit=" + limit.ToString(CultureInfo.InvariantCulture);
        if (min is { } mn) key += "|min=" + Colors.Format(mn);
        if (max is { } mx) key += "|max=" + Colors.Format(mx);
        return key;
    }

    static List<string> Clean(IEnumerable<string>? values) =>
        values?.Select(v => QueryText.Normalize(v)).Where(v => v.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList() ?? [];

    public static async Task<CachedSearch?> TakeAsync(DataConnection db, long merchant, string operation, string key, CancellationToken ct, int pendingHits = 0) =>
        (await db.QueryToListAsync<CachedSearch>(GetSql, new { Merchant = merchant, Operation = operation, CacheKey = key, Pending = pendingHits }, ct)) is [var row] ? row : null;

    public static async Task<(int ResultCount, int Hits)?> PeekAsync(DataConnection db, long merchant, string operation, string key, CancellationToken ct) =>
        (await db.QueryToListAsync<PeekRow>(PeekSql, new { Merchant = merchant, Operation = operation, CacheKey = key }, ct)) is [var row]
            ? (row.ResultCount, row.Hits) : null;

    public static Task PutAsync(DataConnection db, long merchant, string operation, string key, int resultCount, object response, CancellationToken ct) =>
        db.ExecuteAsync(PutSql, new
        {
            Merchant = merchant, Operation = operation, CacheKey = key, ResultCount = resultCount,
            Response = JsonSerializer.Serialize(response, Api.Infrastructure.Modules.Modules.ShopperSearch.Json),
        }, ct);

    sealed class PeekRow { public int ResultCount { get; init; } public int Hits { get; init; } }
}
