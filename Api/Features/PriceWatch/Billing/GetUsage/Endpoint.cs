using Api.Features.PriceWatch.Common;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using ErrorOr;
using FastEndpoints;
using Mediator;

namespace Api.Features.PriceWatch.Billing.GetUsage;

/// <summary><c>GET /api/billing/usage</c>: competitors used against the plan's limit (limit -1 and percent 0 when unlimited).</summary>
sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Get("api/billing/usage");
        Group<PriceWatchGroup>();
        Description(b => b.WithTags("PriceWatch").WithSummary("Usage against plan limits").Produces<Response>());
    }

    public override async Task HandleAsync(CancellationToken ct) => await Send.ResultAsync(await mediator.Send(new Request(), ct), ct);
}

sealed record Request : IRequest<ErrorOr<Response>>;

sealed record Usage(int Used, int Limit, double Percent);

sealed record Response(Usage Competitors, string Plan);

sealed class Handler(AppDb db, Caller caller) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        await using var tx = await PwTx.BeginAsync(db, caller, ct);
        var plan = await PlanInfo.ForAsync(db, caller.TenantId, ct);
        await tx.CommitAsync(ct);
        var percent = plan.CompetitorsLimit > 0 ? Math.Round(100.0 * plan.CompetitorsUsed / plan.CompetitorsLimit, 1) : 0;
        return new Response(new Usage(plan.CompetitorsUsed, plan.CompetitorsLimit, percent), plan.Id);
    }
}
