using Api.Infrastructure.Auth;
using Api.Infrastructure.Database;
using Api.Infrastructure.Tenancy;
using Npgsql;

namespace Api.Infrastructure.Bench;

/// <summary>
/// Baselines for the benchmark harness, mapped only with <c>Bench:Enabled=true</c>: the same work as a slice, written as a bare
/// minimal-API handler with raw Npgsql (same auth scheme, same tenant transaction, same query), so a run can put the cost of
/// FastEndpoints + Mediator + LinqToDB + the SQL-file convention next to it.
/// </summary>
public static class BareEndpoints
{
    public static void MapBenchBaselines(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Bench:Enabled", false)) return;

        app.MapGet("/bench/bare/platform/v1/settings/{key}", async (string key, HttpContext ctx, Db db, CancellationToken ct) =>
        {
            var tenant = ctx.User.FindFirst(TenantContext.Claim)!.Value;
            await using var conn = await db.App.OpenConnectionAsync(ct);
            await using var batch = new NpgsqlBatch(conn)   // the tenant setting and the query in one round trip, as AppDb.ReadTenantAsync
            {
                BatchCommands =
                {
                    new NpgsqlBatchCommand("select set_config('app.tenant_id', $1, true)") { Parameters = { new() { Value = tenant } } },
                    new NpgsqlBatchCommand("select key, value::text, updated_at from platform.tenant_settings where tenant_id = $1::uuid and key = $2")
                        { Parameters = { new() { Value = tenant }, new() { Value = key } } },
                },
            };
            await using var r = await batch.ExecuteReaderAsync(ct);
            await r.NextResultAsync(ct);
            if (!await r.ReadAsync(ct)) return Results.NotFound();
            var body = new { key = r.GetString(0), value = System.Text.Json.JsonDocument.Parse(r.GetString(1)).RootElement, updated_at = r.GetFieldValue<DateTimeOffset>(2) };
            return Results.Json(body);
        }).RequireAuthorization(p => p.AddAuthenticationSchemes(Schemes.PlatformJwt).RequireAuthenticatedUser()).ExcludeFromDescription();
    }
}
