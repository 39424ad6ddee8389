using Api.Features.PriceWatch.Common;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using ErrorOr;
using FastEndpoints;
using Mediator;

namespace Api.Features.PriceWatch.Scraping.StartScrape;

/// <summary>
/// <c>POST /api/scrape</c> → 202 TaskResponse: scrapes one competitor (<c>competitor_id</c>) or every active competitor the
/// plan covers, as a durable background job. 404 unknown competitor, 400 none to scrape, 403 beyond the plan's limit.
/// </summary>
sealed class Endpoint(IMediator mediator) : Endpoint<Request, TaskResponse>
{
    public override void Configure()
    {
        Post("api/scrape");
        Group<PriceWatchGroup>();
        Description(b => b.Accepts<Request>().WithTags("PriceWatch").WithSummary("Start a scraping session").Produces<TaskResponse>(202));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct, 202);
}

sealed record Request : IRequest<ErrorOr<TaskResponse>>
{
    public Guid? CompetitorId { get; init; }
}

sealed class Handler(AppDb db, Caller caller, ScrapeStarter starter) : IRequestHandler<Request, ErrorOr<TaskResponse>>
{
    public async ValueTask<ErrorOr<TaskResponse>> Handle(Request req, CancellationToken ct)
    {
        if (caller.Require("member") is { } forbidden) return forbidden;
        await using var tx = await PwTx.BeginAsync(db, caller, ct);
        var session = await starter.StartAsync(caller.TenantId, req.CompetitorId, "manual", ct);
        if (session.IsError) return session.Errors;
        await tx.CommitAsync(ct);
        return new TaskResponse(session.Value, "running", "Scraping started");
    }
}
