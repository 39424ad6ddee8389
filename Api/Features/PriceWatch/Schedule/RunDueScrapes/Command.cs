using Api.Features.PriceWatch.Common;
using Api.Infrastructure.Database;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.PriceWatch.Schedule.RunDueScrapes;

/// <summary>
/// Sent every minute by the scheduler: for each tenant whose enabled schedule is due and whose plan includes automatic
/// scraping, claims the run (next_run_at moves one interval, never shorter than the plan's minimum) and starts a scrape
/// session, unless one is already running. Returns how many scrapes it started.
/// </summary>
public sealed record Command : IRequest<int>;

sealed class Handler(AppDb db, ScrapeStarter starter, PlatformScope scope, ILogger<Handler> log) : IRequestHandler<Command, int>
{
    static readonly string DueSql = Sql.Load<Handler>("Due.sql");
    static readonly string ClaimSql = Sql.Load<Handler>("Claim.sql");

    public async ValueTask<int> Handle(Command command, CancellationToken ct)
    {
        List<Guid> due;
        await using (var tx = await PwTx.BeginPlatformAsync(db, scope, ct))
        {
            due = await db.QueryToListAsync<Guid>(DueSql, new { }, ct);
            await tx.CommitAsync(ct);
        }
        var started = 0;
        foreach (var tenant in due)
        {
            await using var tx = await PwTx.BeginTenantAsync(db, tenant, ct);
            if (await db.QueryToListAsync<bool>(ClaimSql, new { T = tenant }, ct) is not [var busy]) continue;   // claimed elsewhere
            if (!busy && (await starter.StartAsync(tenant, null, "schedule", ct)) is { IsError: true } failed)
                log.LogInformation("Scheduled scrape for tenant {Tenant} not started: {Reason}", tenant, failed.FirstError.Description);
            else if (!busy) started++;
            await tx.CommitAsync(ct);
        }
        return started;
    }
}
