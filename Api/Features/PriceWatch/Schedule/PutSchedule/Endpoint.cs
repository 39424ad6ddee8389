using Api.Features.PriceWatch.Common;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.PriceWatch.Schedule.PutSchedule;

/// <summary>
/// <c>PUT /api/schedule</c> (owner, admin): upsert. Enabling needs a plan with automatic scraping (free: none, 403) and an
/// interval of at least the plan's minimum (pro 24 h, enterprise 1 h; shorter is a 403 naming the minimum). The next run is
/// one interval after the last run (or from now).
/// </summary>
sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Put("api/schedule");
        Group<PriceWatchGroup>();
        Description(b => b.WithTags("PriceWatch").WithSummary("Create or update the scrape schedule").Produces<Response>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}

sealed record Request : IRequest<ErrorOr<Response>>
{
    public bool? Enabled { get; init; }
    public int? IntervalHours { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Enabled).NotNull();
            RuleFor(r => r.IntervalHours).NotNull().InclusiveBetween(1, 720);
        }
    }
}

sealed class Response
{
    public Guid TenantId { get; init; }
    public bool Enabled { get; init; }
    public int IntervalHours { get; init; }
    public DateTimeOffset? LastRunAt { get; init; }
    public DateTimeOffset? NextRunAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

sealed class Handler(AppDb db, Caller caller) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (caller.Require("admin") is { } forbidden) return forbidden;
        await using var tx = await PwTx.BeginAsync(db, caller, ct);
        var plan = await PlanInfo.ForAsync(db, caller.TenantId, ct);
        if (req.Enabled == true && !plan.AutoScrape)
            return Error.Forbidden("PriceWatch.PlanFeature", $"Automatic scraping is not included in the {plan.Name} plan; upgrade to Pro or Enterprise");
        if (req.Enabled == true && req.IntervalHours < plan.MinScrapeIntervalHours)
            return Error.Forbidden("PriceWatch.PlanInterval", $"The {plan.Name} plan allows automatic scrapes at most every {plan.MinScrapeIntervalHours} hours");
        var saved = (await db.QueryToListAsync<Response>("""
            insert into pricewatch.scrape_schedules as s (tenant_id, enabled, interval_hours, next_run_at)
            values (@TenantId, @Enabled, @Hours, case when @Enabled then now() + @Hours * interval '1 hour' end)
            on conflict (tenant_id) do update set enabled = excluded.enabled, interval_hours = excluded.interval_hours,
                next_run_at = case when excluded.enabled then coalesce(s.last_run_at, now()) + excluded.interval_hours * interval '1 hour' end,
                updated_at = now()
            returning tenant_id as "TenantId", enabled as "Enabled", interval_hours as "IntervalHours", last_run_at as "LastRunAt",
                      next_run_at as "NextRunAt", updated_at as "UpdatedAt"
            """, new { caller.TenantId, Enabled = req.Enabled!.Value, Hours = req.IntervalHours!.Value }, ct)).Single();
        await tx.CommitAsync(ct);
        return saved;
    }
}
