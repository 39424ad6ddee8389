using Api.Features.PriceWatch.Common;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using ErrorOr;
using FastEndpoints;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.PriceWatch.Alerts.GetConfig;

/// <summary><c>GET /api/alerts/config</c>: the tenant's alert settings (the defaults when never configured).</summary>
sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Get("api/alerts/config");
        Group<PriceWatchGroup>();
        Description(b => b.WithTags("PriceWatch").WithSummary("Get the tenant's alert configuration").Produces<Response>());
    }

    public override async Task HandleAsync(CancellationToken ct) => await Send.ResultAsync(await mediator.Send(new Request(), ct), ct);
}

sealed record Request : IRequest<ErrorOr<Response>>;

sealed class Response
{
    public Guid TenantId { get; init; }
    public bool Enabled { get; init; } = true;
    public decimal ThresholdPercent { get; init; } = 5;
    public bool NotifyEmail { get; init; } = true;
    public string[] Recipients { get; init; } = [];
    public DateTimeOffset? LastEvaluatedAt { get; init; }
    public bool Configured { get; init; }
}

sealed class Handler(AppDb db, Caller caller) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        await using var tx = await PwTx.BeginAsync(db, caller, ct);
        var rows = await db.QueryToListAsync<Response>("""
            select tenant_id as "TenantId", enabled as "Enabled", threshold_percent as "ThresholdPercent", notify_email as "NotifyEmail",
                   recipients as "Recipients", last_evaluated_at as "LastEvaluatedAt", true as "Configured"
              from pricewatch.alert_configs where tenant_id = @TenantId
            """, new { caller.TenantId }, ct);
        await tx.CommitAsync(ct);
        return rows is [var r] ? r : new Response { TenantId = caller.TenantId };
    }
}
