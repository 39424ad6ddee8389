using Api.Features.PriceWatch.Common;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.PriceWatch.Alerts.GetHistory;

/// <summary><c>GET /api/alerts/history?limit=50&amp;offset=0</c>: price-change alerts, newest first.</summary>
sealed class Endpoint(IMediator mediator) : Endpoint<Request, List<Alert>>
{
    public override void Configure()
    {
        Get("api/alerts/history");
        Group<PriceWatchGroup>();
        Description(b => b.WithTags("PriceWatch").WithSummary("Get price-change alert history").Produces<List<Alert>>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}

sealed record Request : IRequest<ErrorOr<List<Alert>>>
{
    public int Limit { get; init; } = 50;
    public int Offset { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Limit).InclusiveBetween(1, 500);
            RuleFor(r => r.Offset).GreaterThanOrEqualTo(0);
        }
    }
}

sealed class Alert
{
    public long Id { get; init; }
    public Guid? ProductTrackingId { get; init; }
    public Guid? CompetitorId { get; init; }
    public string ProductName { get; init; } = "";
    public string? CompetitorName { get; init; }
    public decimal OldPrice { get; init; }
    public decimal NewPrice { get; init; }
    public decimal ChangePercent { get; init; }
    public string Direction { get; init; } = "";
    public bool Notified { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

sealed class Handler(AppDb db, Caller caller) : IRequestHandler<Request, ErrorOr<List<Alert>>>
{
    public async ValueTask<ErrorOr<List<Alert>>> Handle(Request req, CancellationToken ct)
    {
        await using var tx = await PwTx.BeginAsync(db, caller, ct);
        var rows = await db.QueryToListAsync<Alert>("""
            select id as "Id", product_tracking_id as "ProductTrackingId", competitor_id as "CompetitorId", product_name as "ProductName",
                   competitor_name as "CompetitorName", old_price as "OldPrice", new_price as "NewPrice", change_percent as "ChangePercent",
                   direction as "Direction", notified as "Notified", created_at as "CreatedAt"
              from pricewatch.alert_history where tenant_id = @TenantId
             order by id desc limit @Limit offset @Offset
            """, new { caller.TenantId, req.Limit, req.Offset }, ct);
        await tx.CommitAsync(ct);
        return rows;
    }
}
