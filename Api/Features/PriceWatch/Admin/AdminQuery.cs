using System.Text.Json;
using Api.Features.PriceWatch.Common;
using Api.Infrastructure.Database;
using LinqToDB.Data;

namespace Api.Features.PriceWatch.Admin;

/// <summary>Runs one JSON-producing query in the platform (cross-tenant, select-only) scope. Only super-admin slices use it.</summary>
static class AdminQuery
{
    public static async Task<JsonElement?> JsonAsync(AppDb db, PlatformScope scope, string sql, object args, CancellationToken ct)
    {
        await using var tx = await PwTx.BeginPlatformAsync(db, scope, ct);
        var rows = await db.QueryToListAsync<string?>(sql, args, ct);
        await tx.CommitAsync(ct);
        if (rows is not [{ } json]) return null;
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }
}
