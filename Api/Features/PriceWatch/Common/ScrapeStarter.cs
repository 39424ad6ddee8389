using Api.Infrastructure.Database;
using Api.Infrastructure.Jobs;
using ErrorOr;
using LinqToDB.Data;

namespace Api.Features.PriceWatch.Common;

/// <summary>
/// Creates a scrape_sessions row and enqueues its durable job in the caller's transaction (manual batch or single scrapes
/// and the scheduler). Plan limit: only the first N competitors (oldest first) of a plan allowing N are scraped; asking for
/// one beyond the limit is a 403.
/// </summary>
sealed class ScrapeStarter(AppDb db)
{
    public const string JobType = "pricewatch.scrape";
    public sealed record Payload(Guid SessionId, Guid[] CompetitorIds);
    /// <summary>A scrape whose worker died is resumed (the job is idempotent per competitor) up to this many attempts.</summary>
    public const int ScrapeAttempts = 3;

    public async Task<ErrorOr<Guid>> StartAsync(Guid tenant, Guid? competitorId, string trigger, CancellationToken ct)
    {
        var plan = await PlanInfo.ForAsync(db, tenant, ct);
        var active = await db.QueryToListAsync<Guid>(
            "select id from pricewatch.competitors where tenant_id = @T and is_active order by created_at, id", new { T = tenant }, ct);
        var allowed = plan.CompetitorsLimit < 0 ? active : active.Take(plan.CompetitorsLimit).ToList();
        Guid[] targets;
        if (competitorId is { } one)
        {
            var exists = await db.QueryToListAsync<bool>("select is_active from pricewatch.competitors where tenant_id = @T and id = @Id",
                new { T = tenant, Id = one }, ct);
            if (exists is not [var isActive]) return Error.NotFound("PriceWatch.CompetitorNotFound", "Competitor not found");
            if (!isActive) return Error.Failure("PriceWatch.CompetitorInactive", "Competitor is inactive");
            if (!allowed.Contains(one))
                return Error.Forbidden("PriceWatch.PlanLimit", $"The {plan.Name} plan covers {plan.CompetitorsLimit} competitors; upgrade to scrape this one");
            targets = [one];
        }
        else targets = allowed.ToArray();
        if (targets.Length == 0) return Error.Failure("PriceWatch.NoCompetitors", "No active competitors to scrape");

        var session = await db.ExecuteAsync<Guid>("""
            insert into pricewatch.scrape_sessions (tenant_id, competitor_id, trigger, total_targets) values (@T, @C, @Trigger, @N) returning id
            """, new { T = tenant, C = competitorId, Trigger = trigger, N = targets.Length }, ct);
        var job = await JobQueue.EnqueueAsync(db, JobType, new Payload(session, targets), tenant.ToString(), maxAttempts: ScrapeAttempts, ct: ct);
        await db.ExecuteAsync("update pricewatch.scrape_sessions set job_id = @Job where id = @S and tenant_id = @T", new { Job = job, S = session, T = tenant }, ct);
        return session;
    }
}
