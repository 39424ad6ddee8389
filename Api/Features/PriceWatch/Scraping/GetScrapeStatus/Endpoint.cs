using Api.Features.PriceWatch.Common;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using ErrorOr;
using FastEndpoints;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.PriceWatch.Scraping.GetScrapeStatus;

/// <summary><c>GET /api/scrape/status/{session_id}</c>: progress of a scraping session of the caller's tenant.</summary>
sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("api/scrape/status/{SessionId}");
        Group<PriceWatchGroup>();
        Description(b => b.WithTags("PriceWatch").WithSummary("Poll scraping session progress").Produces<Response>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}

sealed record Request : IRequest<ErrorOr<Response>>
{
    public Guid SessionId { get; init; }
}

sealed class Response
{
    public Guid Id { get; init; }
    public string Status { get; init; } = "";
    public Guid? CompetitorId { get; init; }
    public string Trigger { get; init; } = "";
    public int TotalTargets { get; init; }
    public int CompletedTargets { get; init; }
    public int SuccessfulScrapes { get; init; }
    public int FailedScrapes { get; init; }
    public int TotalProducts { get; init; }
    public double ProgressPercent { get; init; }
    public string? ErrorMessage { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
}

sealed class Handler(AppDb db, Caller caller) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string StatusSql = Sql.Load<Handler>("ScrapeStatus.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        await using var tx = await PwTx.BeginAsync(db, caller, ct);
        var rows = await db.QueryToListAsync<Response>(StatusSql, new { req.SessionId, caller.TenantId }, ct);
        await tx.CommitAsync(ct);
        return rows is [var r] ? r : Error.NotFound("PriceWatch.SessionNotFound", "Scrape session not found");
    }
}
