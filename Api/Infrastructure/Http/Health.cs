using Api.Infrastructure.Database;

namespace Api.Infrastructure.Http;

/// <summary><c>/healthz</c>: the process is up. <c>/readyz</c>: the database answers and every migration is applied.</summary>
public static class Health
{
    public static void MapHealth(this WebApplication app)
    {
        app.MapGet("/healthz", () => Results.Json(new { status = "ok" })).ExcludeFromDescription();
        app.MapGet("/readyz", async (Db db, CancellationToken ct) =>
        {
            if (!db.Ready.IsCompletedSuccessfully) return Results.Json(new { status = "starting" }, statusCode: 503);
            try
            {
                return await Migrator.IsCurrentAsync(db.App, ct)
                    ? Results.Json(new { status = "ready", database = "ok", migrations = "applied" })
                    : Results.Json(new { status = "not_ready", database = "ok", migrations = "pending" }, statusCode: 503);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return Results.Json(new { status = "not_ready", database = "unreachable" }, statusCode: 503);
            }
        }).ExcludeFromDescription();
    }
}
