using Api.Features.PriceWatch.Common;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.PriceWatch.Alerts.PutConfig;

/// <summary>
/// <c>PUT /api/alerts/config</c> (owner, admin; not in the reference, which documents only the GET): upserts the alert
/// settings; omitted fields keep their value.
/// </summary>
sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Put("api/alerts/config");
        Group<PriceWatchGroup>();
        Description(b => b.WithTags("PriceWatch").WithSummary("Update the alert configuration").Produces<Response>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}

sealed record Request : IRequest<ErrorOr<Response>>
{
    public bool? Enabled { get; init; }
    public decimal? ThresholdPercent { get; init; }
    public bool? NotifyEmail { get; init; }
    public string[]? Recipients { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.ThresholdPercent).GreaterThan(0).LessThanOrEqualTo(1000).When(r => r.ThresholdPercent is not null);
            RuleFor(r => r.Recipients).Must(r => r!.Length <= 20).When(r => r.Recipients is not null).WithMessage("at most 20 recipients");
            RuleForEach(r => r.Recipients).EmailAddress().WithMessage("recipients must be email addresses");
        }
    }
}

sealed class Response
{
    public bool Enabled { get; init; }
    public decimal ThresholdPercent { get; init; }
    public bool NotifyEmail { get; init; }
    public string[] Recipients { get; init; } = [];
    public DateTimeOffset UpdatedAt { get; init; }
}

sealed class Handler(AppDb db, Caller caller) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (caller.Require("admin") is { } forbidden) return forbidden;
        await using var tx = await PwTx.BeginAsync(db, caller, ct);
        var saved = (await db.QueryToListAsync<Response>("""
            insert into pricewatch.alert_configs (tenant_id) values (@TenantId) on conflict do nothing;
            update pricewatch.alert_configs set enabled = coalesce(@Enabled, enabled), threshold_percent = coalesce(@Threshold, threshold_percent),
                   notify_email = coalesce(@Notify, notify_email), recipients = coalesce(cast(@Recipients as text[]), recipients), updated_at = now()
             where tenant_id = @TenantId
            returning enabled as "Enabled", threshold_percent as "ThresholdPercent", notify_email as "NotifyEmail", recipients as "Recipients",
                      updated_at as "UpdatedAt"
            """, new
        {
            caller.TenantId, req.Enabled, Threshold = req.ThresholdPercent, Notify = req.NotifyEmail,
            Recipients = req.Recipients?.Select(r => r.Trim().ToLowerInvariant()).Distinct().ToArray(),
        }, ct)).Single();
        await tx.CommitAsync(ct);
        return saved;
    }
}
