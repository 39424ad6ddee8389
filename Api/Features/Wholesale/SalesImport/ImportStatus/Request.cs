using System.Text.Json;
using ErrorOr;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.SalesImport.ImportStatus;

sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("job_id")] public string JobId { get; init; } = "";
    [HideFromDocs] public long? StaffId { get; init; }
    [HideFromDocs] public bool SeesAll { get; init; }
}

/// <summary>
/// status: queued, running, completed or failed. processed/total count data rows; skipped counts orders already present
/// (a re-upload); errors list bad lines (first 1,000; error_count has them all); error says why a failed import failed.
/// </summary>
sealed record Response
{
    public long JobId { get; init; }
    public string Status { get; init; } = "queued";
    public long Processed { get; init; }
    public long? Total { get; init; }
    public int OrdersCreated { get; init; }
    public int CustomersCreated { get; init; }
    public int ItemsCreated { get; init; }
    public int UnlinkedItems { get; init; }
    public int Skipped { get; init; }
    public int ErrorCount { get; init; }
    public JsonElement Errors { get; init; }
    public string? Error { get; init; }
    public string? Message { get; init; }
    public string? FileName { get; init; }
    public long UploadedBy { get; init; }
    public int Attempts { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
}
