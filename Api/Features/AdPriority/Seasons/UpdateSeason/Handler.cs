using System.Text.Json;
using Api.Features.AdPriority.Scoring;
using Api.Infrastructure.Database;
using Api.Infrastructure.Tenancy;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.AdPriority.Seasons.UpdateSeason;

sealed class Handler(AppDb db, TenantContext tenant) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string UpdateSql = Sql.Load<Handler>("UpdateSeason.sql");
    static readonly string ReplaceSql = Sql.Load<Handler>("ReplaceOverrides.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var id = Guid.Parse(tenant.Id!);
        await using var tx = await db.BeginTenantAsync(ct);
        if (await Tenant.GetAsync(db, id, ct) is not { } t) return Error.Unauthorized("UNAUTHORIZED", "Session token invalid or expired");
        if (!t.Plan.SeasonalAutomation)
            return Error.Forbidden("PLAN_LIMIT", $"{char.ToUpperInvariant(t.PlanTier[0])}{t.PlanTier[1..]} tier cannot modify seasonal calendars",
                new() { ["planTier"] = t.PlanTier, ["requiredTier"] = "growth" });
        var overrides = req.CategoryOverrides?.ToDictionary(kv => ScoringEngine.Slug(kv.Key), kv => kv.Value);
        var updated = await db.ExecuteAsync<int>(UpdateSql, new
        {
            TenantId = id, req.Id, req.StartMonth, req.EndMonth, Replace = overrides is not null,
            Overrides = JsonSerializer.Serialize(overrides ?? []),
        }, ct);
        if (updated == 0) return Error.NotFound("NOT_FOUND", "Season not found");
        if (overrides is not null) await db.ExecuteAsync(ReplaceSql, new { TenantId = id, req.Id, Overrides = JsonSerializer.Serialize(overrides) }, ct);
        var row = (await SeasonRows.LoadAsync(db, id, req.Id, ct)).Single();
        await tx.CommitAsync(ct);
        return new Response(row.Id, row.Name, row.Season, row.StartMonth, row.EndMonth, row.CategoryOverrides, row.UpdatedAt);
    }
}
