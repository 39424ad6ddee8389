using Api.Features.AdPriority.Scoring;
using Api.Infrastructure.Database;
using Api.Infrastructure.Tenancy;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.AdPriority.Priorities.ScheduledRescore;

/// <summary>Hourly: rescore every tenant whose current season (its calendar, today in its time zone) differs from the season its scores were calculated for.</summary>
public sealed record RescoreSeasonChanges : ICommand<int>;

/// <summary>Daily: rescore every active tenant (new-arrival windows expire, calendars roll over).</summary>
public sealed record RescoreAll : ICommand<int>;

/// <summary>
/// Both run tenant by tenant, each in its own tenant transaction through <see cref="Recalculator"/> (which records the season it used
/// in <c>tenants.current_season</c>); manual overrides stay locked. One tenant's failure is logged and does not stop the others.
/// </summary>
sealed class Handler(AppDb db, TenantContext tenant, Recalculator recalculator, TimeProvider clock, ILogger<Handler> log)
    : ICommandHandler<RescoreSeasonChanges, int>, ICommandHandler<RescoreAll, int>
{
    static readonly string SeasonsSql = Sql.Load<Handler>("Seasons.sql");

    public ValueTask<int> Handle(RescoreSeasonChanges cmd, CancellationToken ct) => RunAsync(onlySeasonChanges: true, ct);
    public ValueTask<int> Handle(RescoreAll cmd, CancellationToken ct) => RunAsync(onlySeasonChanges: false, ct);

    async ValueTask<int> RunAsync(bool onlySeasonChanges, CancellationToken ct)
    {
        var ids = await db.QueryToListAsync<Guid>("select id from adpriority.tenants where status = 'active' order by id", ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var done = 0;
        foreach (var id in ids)
        {
            try
            {
                if (await Tenant.GetAsync(db, id, ct) is not { } t) continue;
                tenant.Set(id.ToString());
                await using var tx = await db.BeginTenantAsync(ct);
                if (onlySeasonChanges)
                {
                    var seasons = (await db.QueryToListAsync<SeasonRow>(SeasonsSql, new { TenantId = id }, ct))
                        .Select(s => new SeasonDef(s.Id, s.Season, s.Name, s.StartMonth, s.EndMonth)).ToList();
                    var current = SeasonCalendar.Current(seasons, SeasonCalendar.Today(now, SeasonCalendar.Zone(t.Timezone)).Month)?.Season;
                    if (current is null || current == t.CurrentSeason) continue;
                    log.LogInformation("Tenant {Tenant}: season {From} -> {To}, rescoring", id, t.CurrentSeason ?? "(none)", current);
                }
                var r = await recalculator.RunAsync(t, new RecalcScope(), ct);
                await tx.CommitAsync(ct);
                done++;
                log.LogInformation("Tenant {Tenant} rescored for {Season}: {Written} scores changed", id, r.Season, r.Written);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Scheduled rescoring of tenant {Tenant} failed", id);
            }
        }
        return done;
    }

    sealed class SeasonRow
    {
        public Guid Id { get; init; }
        public string Season { get; init; } = "";
        public string Name { get; init; } = "";
        public int StartMonth { get; init; }
        public int EndMonth { get; init; }
    }
}
