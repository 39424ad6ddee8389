using System.Text.Json;
using Api.Features.PriceWatch.Common;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using ErrorOr;
using FastEndpoints;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.PriceWatch.Matching.GetValidation;

/// <summary><c>GET /api/match/validate/{session_id}</c>: status and, once completed, the validation_report.</summary>
sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("api/match/validate/{SessionId}");
        Group<PriceWatchGroup>();
        Description(b => b.WithTags("PriceWatch").WithSummary("Get validation results").Produces<Response>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}

sealed record Request : IRequest<ErrorOr<Response>>
{
    public Guid SessionId { get; init; }
}

sealed record Response(Guid SessionId, string Status, JsonElement? ValidationReport, string? ErrorMessage);

sealed class Handler(AppDb db, Caller caller) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        await using var tx = await PwTx.BeginAsync(db, caller, ct);
        var rows = await db.QueryToListAsync<Row>("""
            select m.status as "Status", m.validation_report::text as "Report", m.error_message as "Error", j.status as "JobStatus"
              from pricewatch.matching_sessions m left join platform.jobs j on j.id = m.job_id
             where m.id = @SessionId and m.tenant_id = @TenantId and m.kind = 'validate'
            """, new { req.SessionId, caller.TenantId }, ct);
        await tx.CommitAsync(ct);
        if (rows is not [var r]) return Error.NotFound("PriceWatch.SessionNotFound", "Validation session not found");
        JsonElement? report = null;
        if (r.Report is not null) { using var doc = JsonDocument.Parse(r.Report); report = doc.RootElement.Clone(); }
        var status = r.Status == "running" && r.JobStatus == "failed" ? "failed" : r.Status;
        return new Response(req.SessionId, status, report, r.Error);
    }

    sealed class Row
    {
        public string Status { get; init; } = "";
        public string? Report { get; init; }
        public string? Error { get; init; }
        public string? JobStatus { get; init; }
    }
}
