using System.Text.Json;
using Api.Features.PriceWatch.Common;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using ErrorOr;
using FastEndpoints;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.PriceWatch.Sync.GetSyncStatus;

/// <summary><c>GET /api/sync/status/{session_id}</c>: the sync_sessions row (a session whose job died reads failed).</summary>
sealed class Endpoint(IMediator mediator) : Endpoint<Request, JsonElement>
{
    public override void Configure()
    {
        Get("api/sync/status/{SessionId}");
        Group<PriceWatchGroup>();
        Description(b => b.WithTags("PriceWatch").WithSummary("Poll Shopify sync progress").Produces<JsonElement>());
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
            select (to_jsonb(s) || jsonb_build_object('status', case when s.status = 'running' and j.status = 'failed' then 'failed' else s.status end))::text
              from pricewatch.sync_sessions s left join platform.jobs j on j.id = s.job_id
             where s.id = @SessionId and s.tenant_id = @TenantId
            """, new { req.SessionId, caller.TenantId }, ct);
        await tx.CommitAsync(ct);
        if (rows is not [var json]) return Error.NotFound("PriceWatch.SessionNotFound", "Sync session not found");
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }
}
