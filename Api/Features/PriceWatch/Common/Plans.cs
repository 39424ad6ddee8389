using Api.Infrastructure.Database;
using LinqToDB.Data;

namespace Api.Features.PriceWatch.Common;

/// <summary>The tenant's plan in effect (no subscription row = free) with its limits and feature flags.</summary>
sealed class PlanInfo
{
    public string Id { get; init; } = "free";
    public string Name { get; init; } = "Free";
    public int PriceCents { get; init; }
    public int CompetitorsLimit { get; init; }
    public bool AiMatching { get; init; }
    public bool AutoScrape { get; init; }
    public bool Embeddings { get; init; }
    public int? MinScrapeIntervalHours { get; init; }
    public string Status { get; init; } = "active";
    public int CompetitorsUsed { get; init; }

    public bool AllowsCompetitors(int count) => CompetitorsLimit < 0 || count <= CompetitorsLimit;

    const string Query = """
        select p.id as "Id", p.name as "Name", p.price_cents as "PriceCents", p.competitors_limit as "CompetitorsLimit",
               p.ai_matching as "AiMatching", p.auto_scrape as "AutoScrape", p.embeddings as "Embeddings",
               p.min_scrape_interval_hours as "MinScrapeIntervalHours", coalesce(s.status, 'active') as "Status",
               (select count(*)::int from pricewatch.competitors c where c.tenant_id = x.t) as "CompetitorsUsed"
          from (select cast(@TenantId as uuid) as t) x
          left join pricewatch.subscriptions s on s.tenant_id = x.t
          join pricewatch.plans p on p.id = coalesce(s.plan_id, 'free')
        """;

    /// <summary>Reads inside the caller's tenant transaction.</summary>
    public static async Task<PlanInfo> ForAsync(AppDb db, Guid tenant, CancellationToken ct) =>
        (await db.QueryToListAsync<PlanInfo>(Query, new { TenantId = tenant }, ct)).Single();
}
