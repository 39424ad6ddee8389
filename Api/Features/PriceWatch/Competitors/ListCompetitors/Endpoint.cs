using Api.Features.PriceWatch.Common;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using ErrorOr;
using FastEndpoints;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.PriceWatch.Competitors.ListCompetitors;

/// <summary>
/// <c>GET /api/competitors</c> (not in the reference, where the frontend wrote the table directly): the tenant's competitors
/// with product counts and whether the plan covers them.
/// </summary>
sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<List<Competitor>>
{
    public override void Configure()
    {
        Get("api/competitors");
        Group<PriceWatchGroup>();
        Description(b => b.WithTags("PriceWatch").WithSummary("List competitors").Produces<List<Competitor>>());
    }

    public override async Task HandleAsync(CancellationToken ct) => await Send.ResultAsync(await mediator.Send(new Request(), ct), ct);
}

sealed record Request : IRequest<ErrorOr<List<Competitor>>>;

sealed class Competitor
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public string Url { get; init; } = "";
    public string? Platform { get; init; }
    public bool IsActive { get; init; }
    public int ProductCount { get; init; }
    public DateTimeOffset? LastScrapedAt { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public bool CoveredByPlan { get; set; }
}

sealed class Handler(AppDb db, Caller caller) : IRequestHandler<Request, ErrorOr<List<Competitor>>>
{
    public async ValueTask<ErrorOr<List<Competitor>>> Handle(Request req, CancellationToken ct)
    {
        await using var tx = await PwTx.BeginAsync(db, caller, ct);
        var plan = await PlanInfo.ForAsync(db, caller.TenantId, ct);
        var list = await db.QueryToListAsync<Competitor>("""
            select c.id as "Id", c.name as "Name", c.url as "Url", c.platform as "Platform", c.is_active as "IsActive",
                   (select count(*)::int from pricewatch.product_tracking p where p.competitor_id = c.id) as "ProductCount",
                   c.last_scraped_at as "LastScrapedAt", c.created_at as "CreatedAt"
              from pricewatch.competitors c where c.tenant_id = @TenantId order by c.created_at, c.id
            """, new { caller.TenantId }, ct);
        await tx.CommitAsync(ct);
        var covered = 0;
        foreach (var c in list.Where(c => c.IsActive)) c.CoveredByPlan = plan.CompetitorsLimit < 0 || covered++ < plan.CompetitorsLimit;
        return list;
    }
}
