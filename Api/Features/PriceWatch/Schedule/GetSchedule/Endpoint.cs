using Api.Features.PriceWatch.Common;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using ErrorOr;
using FastEndpoints;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.PriceWatch.Schedule.GetSchedule;

/// <summary><c>GET /api/schedule</c>: the tenant's scrape schedule, or 404 when none is set.</summary>
sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Get("api/schedule");
        Group<PriceWatchGroup>();
        Description(b => b.WithTags("PriceWatch").WithSummary("Get the scrape schedule").Produces<Response>());
    }

    public override async Task HandleAsync(CancellationToken ct) => await Send.ResultAsync(await mediator.Send(new Request(), ct), ct);
}

sealed record Request : IRequest<ErrorOr<Response>>;

sealed class Response
{
    public Guid TenantId { get; init; }
    public bool Enabled { get; init; }
    public int IntervalHours { get; init; }
    public DateTimeOffset? LastRunAt { get; init; }
    public DateTimeOffset? NextRunAt { get; init; }
    public int? MinIntervalHours { get; init; }
    public bool PlanAllowsAutoScrape { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

sealed class Handler(AppDb db, Caller caller) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        await using var tx = await PwTx.BeginAsync(db, caller, ct);
        var plan = await PlanInfo.ForAsync(db, caller.TenantId, ct);
        var rows = await db.QueryToListAsync<Response>("""
            select tenant_id as "TenantId", enabled as "Enabled", interval_hours as "IntervalHours", last_run_at as "LastRunAt",
                   next_run_at as "NextRunAt", @Min as "MinIntervalHours", @Allows as "PlanAllowsAutoScrape", updated_at as "UpdatedAt"
              from pricewatch.scrape_schedules where tenant_id = @TenantId
            """, new { caller.TenantId, Min = plan.MinScrapeIntervalHours, Allows = plan.AutoScrape }, ct);
        await tx.CommitAsync(ct);
        return rows is [var r] ? r : Error.NotFound("PriceWatch.ScheduleNotFound", "No scrape schedule configured");
    }
}
