using System.Text.Json;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.SalesImport.ImportStatus;

/// <summary>The import behind a job id, for its uploader or an admin or manager; anyone else (or an unknown id) gets 404.</summary>
sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string StatusSql = Sql.Load<Handler>("ImportStatus.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (!long.TryParse(req.JobId, out var jobId) || jobId <= 0
            || await db.QueryToListAsync<Row>(StatusSql, new { JobId = jobId, req.StaffId, req.SeesAll }, ct) is not [var r])
            return Error.NotFound("SalesImport.NotFound", "Import job not found");
        return new Response
        {
            JobId = jobId, Status = r.Status, Processed = r.Processed, Total = r.Total, OrdersCreated = r.OrdersCreated ?? 0,
            CustomersCreated = r.CustomersCreated ?? 0, ItemsCreated = r.ItemsCreated ?? 0, UnlinkedItems = r.UnlinkedItems ?? 0,
            Skipped = r.SkippedOrders ?? 0, ErrorCount = r.ErrorCount ?? 0, Errors = JsonDocument.Parse(r.Errors ?? "[]").RootElement.Clone(),
            Error = r.Error, Message = r.Message, FileName = r.FileName, UploadedBy = r.UploadedBy, Attempts = r.Attempts,
            CreatedAt = r.CreatedAt, CompletedAt = r.CompletedAt,
        };
    }

    sealed class Row
    {
        public string Status { get; init; } = "queued";
        public long Processed { get; init; }
        public long? Total { get; init; }
        public int? OrdersCreated { get; init; }
        public int? CustomersCreated { get; init; }
        public int? ItemsCreated { get; init; }
        public int? UnlinkedItems { get; init; }
        public int? SkippedOrders { get; init; }
        public int? ErrorCount { get; init; }
        public string? Errors { get; init; }
        public string? Error { get; init; }
        public string? Message { get; init; }
        public string? FileName { get; init; }
        public long UploadedBy { get; init; }
        public int Attempts { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset? CompletedAt { get; init; }
    }
}
