using Api.Features.PriceWatch.Common;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using ErrorOr;
using FastEndpoints;
using Mediator;

namespace Api.Features.PriceWatch.Scraping.ScrapeCompetitor;

/// <summary>
/// <c>POST /api/scrape/{competitor_id}</c> → 202 TaskResponse: a session for one competitor, pollable through
/// <c>GET /api/scrape/status/{session_id}</c>, with its scrape_logs row and alert evaluation like a batch.
/// </summary>
sealed class Endpoint(IMediator mediator) : Endpoint<Request, TaskResponse>
{
    public override void Configure()
    {
        Post("api/scrape/{CompetitorId}");
        Group<PriceWatchGroup>();
        Description(b => b.WithTags("PriceWatch").WithSummary("Scrape one competitor").Produces<TaskResponse>(202));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct, 202);
}

sealed record Request : IRequest<ErrorOr<TaskResponse>>
{
    public Guid CompetitorId { get; init; }
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
