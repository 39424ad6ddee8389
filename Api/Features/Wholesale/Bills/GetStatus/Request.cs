using ErrorOr;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Bills.GetStatus;

sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("bill_id")] public long BillId { get; init; }
}

/// <summary>The document's fields plus the extraction job's id and progress message (beyond the document).</summary>
sealed record Response
{
    public long Id { get; init; }
    public string ExtractionStatus { get; init; } = "pending";
    public string? ExtractionError { get; init; }
    public int TotalItems { get; init; }
    public int ItemsWeCarry { get; init; }
    public decimal PotentialSavings { get; init; }
    public string? SupplierName { get; init; }
    public string? BillDate { get; init; }
    public string? BillNumber { get; init; }
    public decimal? BillTotal { get; init; }
    public long? JobId { get; init; }
    public string? Progress { get; init; }
}
