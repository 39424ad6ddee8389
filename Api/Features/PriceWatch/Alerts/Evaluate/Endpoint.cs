using Api.Features.PriceWatch.Common;
using Api.Infrastructure.Http;
using ErrorOr;
using FastEndpoints;
using Mediator;

namespace Api.Features.PriceWatch.Alerts.Evaluate;

/// <summary><c>POST /api/alerts/evaluate</c>: evaluates price changes since the last run now (it also runs after every scrape).</summary>
sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Post("api/alerts/evaluate");
        Group<PriceWatchGroup>();
        Description(b => b.WithTags("PriceWatch").WithSummary("Run alert evaluation now").Produces<Response>());
    }

    public override async Task HandleAsync(CancellationToken ct) => await Send.ResultAsync(await mediator.Send(new Request(), ct), ct);
}

sealed record Request : IRequest<ErrorOr<Response>>;

sealed record Response(string Status, bool Enabled, decimal ThresholdPercent, int EvaluatedChanges, int AlertsCreated, bool Notified);

sealed class Handler(AlertEvaluator evaluator, Caller caller) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (caller.Require("member") is { } forbidden) return forbidden;
        var o = await evaluator.EvaluateAsync(caller.TenantId, ct);
        return new Response("ok", o.Enabled, o.ThresholdPercent, o.EvaluatedChanges, o.AlertsCreated, o.Notified);
    }
}
