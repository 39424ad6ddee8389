using System.Text.Json;
using Api.Infrastructure.Database;
using Api.Infrastructure.Tenancy;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Platform.Jobs.GetJob;

sealed class Handler(AppDb db, TenantContext tenant) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string GetSql = Sql.Load<Handler>("GetJob.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var rows = await db.QueryToListAsync<Row>(GetSql, new { req.JobId, TenantId = tenant.Id }, ct);
        if (rows is not [var r]) return Error.NotFound("JOB_NOT_FOUND", $"Job {req.JobId} does not exist.");

        JsonElement? result = null;
        if (r.Result is not null) { using var doc = JsonDocument.Parse(r.Result); result = doc.RootElement.Clone(); }
        double? percent = r.ProgressTotal is > 0 ? Math.Round(100.0 * r.ProgressDone / r.ProgressTotal.Value, 1) : null;
        return new Response(r.Id, r.Type, r.Status, r.Attempts, r.MaxAttempts,
            new Progress(r.ProgressDone, r.ProgressTotal, percent, r.ProgressMessage), r.LastError, result,
            r.CreatedAt, r.StartedAt, r.FinishedAt);
    }

    sealed class Row
    {
        public long Id { get; init; }
        public string Type { get; init; } = "";
        public string Status { get; init; } = "";
        public int Attempts { get; init; }
        public int MaxAttempts { get; init; }
        public long ProgressDone { get; init; }
        public long? ProgressTotal { get; init; }
        public string? ProgressMessage { get; init; }
        public string? LastError { get; init; }
        public string? Result { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset? StartedAt { get; init; }
        public DateTimeOffset? FinishedAt { get; init; }
    }
}
