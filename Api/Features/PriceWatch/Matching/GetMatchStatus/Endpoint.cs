using System.Text.Json;
using Api.Features.PriceWatch.Common;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using ErrorOr;
using FastEndpoints;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.PriceWatch.Matching.GetMatchStatus;

/// <summary>
/// <c>GET /api/match/status/{session_id}</c>: the matching_sessions row (match, backfill, embed or validate), with
/// <c>progress_percent</c>; <c>engine</c> says which matcher, verifier, extractor or embedder did the work.
/// </summary>
sealed class Endpoint(IMediator mediator) : Endpoint<Request, JsonElement>
{
    public override void Configure()
    {
        Get("api/match/status/{SessionId}");
        Group<PriceWatchGroup>();
        Description(b => b.WithTags("PriceWatch").WithSummary("Poll a matching session").Produces<JsonElement>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}

sealed record Request : IRequest<ErrorOr<JsonElement>>
{
    public Guid SessionId { get; init; }
}

sealed class Handler(AppDb db, Caller caller) : IRequestHandler<Request, ErrorOr<JsonElement>>
{
    public async ValueTask<ErrorOr<JsonElement>> Handle(Request req, CancellationToken ct)
    {
        await using var tx = await PwTx.BeginAsync(db, caller, ct);
        var rows = await db.QueryToListAsync<string>("""
            select (to_jsonb(m) - 'validation_report' || jsonb_build_object(
                       'status', case when m.status = 'running' and j.status = 'failed' then 'failed' else m.status end,
                       'progress_percent', case when m.total_products = 0 then (case when m.status = 'running' then 0 else 100 end)
                                                else round(100.0 * m.processed / m.total_products, 2) end,
                       'has_validation_report', m.validation_report is not null))::text
              from pricewatch.matching_sessions m left join platform.jobs j on j.id = m.job_id
             where m.id = @SessionId and m.tenant_id = @TenantId
            """, new { req.SessionId, caller.TenantId }, ct);
        await tx.CommitAsync(ct);
        if (rows is not [var json]) return Error.NotFound("PriceWatch.SessionNotFound", "Matching session not found");
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }
}
