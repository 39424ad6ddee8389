using Api.Features.PriceWatch.Common;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using ErrorOr;
using FastEndpoints;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.PriceWatch.Billing.GetSubscription;

/// <summary><c>GET /api/billing/subscription</c>: plan, status, competitor usage and feature flags (no subscription row = free).</summary>
sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Get("api/billing/subscription");
        Group<PriceWatchGroup>();
        Description(b => b.WithTags("PriceWatch").WithSummary("Current plan, status, usage and features").Produces<Response>());
    }

    public override async Task HandleAsync(CancellationToken ct) => await Send.ResultAsync(await mediator.Send(new Request(), ct), ct);
}

sealed record Request : IRequest<ErrorOr<Response>>;

sealed record Features(bool AiMatching, bool AutoScrape, bool Embeddings, int? MinScrapeIntervalHours);

sealed record Response(Guid TenantId, string Plan, string Status, int CompetitorsLimit, int CompetitorsUsed, Features Features,
    DateTimeOffset? CurrentPeriodEnd, bool CancelAtPeriodEnd);

sealed class Handler(AppDb db, Caller caller) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        await using var tx = await PwTx.BeginAsync(db, caller, ct);
        var plan = await PlanInfo.ForAsync(db, caller.TenantId, ct);
        var period = await db.QueryToListAsync<Period>("""
            select current_period_end as "CurrentPeriodEnd", cancel_at_period_end as "CancelAtPeriodEnd"
              from pricewatch.subscriptions where tenant_id = @TenantId
            """, new { caller.TenantId }, ct);
        await tx.CommitAsync(ct);
        return new Response(caller.TenantId, plan.Id, plan.Status, plan.CompetitorsLimit, plan.CompetitorsUsed,
            new Features(plan.AiMatching, plan.AutoScrape, plan.Embeddings, plan.MinScrapeIntervalHours),
            period is [var p] ? p.CurrentPeriodEnd : null, period is [var q] && q.CancelAtPeriodEnd);
    }

    sealed class Period
    {
        public DateTimeOffset? CurrentPeriodEnd { get; init; }
        public bool CancelAtPeriodEnd { get; init; }
    }
}
