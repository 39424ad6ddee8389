using Api.Infrastructure.Database;

namespace Api.Features.Wholesale.Bills;

/// <summary>
/// A bill as the document lists it (list, upload, detail). <c>extraction_status</c>/<c>extraction_error</c> come from
/// wholesale.bill_states, which reads the extraction job, so a dead job shows as failed. The file itself lives in the
/// database (bills.file_content); <c>file_path</c> is the document's field and stays null.
/// </summary>
record BillRow
{
    /// <summary>The select list over <c>wholesale.bills b join wholesale.bill_states s</c>; slices add their where/order.</summary>
    public static readonly string Select = Sql.Load<BillRow>("SelectBills.sql");

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
    public string? RestaurantName { get; init; }
    public string? RestaurantEmail { get; init; }
    public string? RestaurantPhone { get; init; }
    public string? ContactName { get; init; }
    public string? Notes { get; init; }
    public string? OriginalFilename { get; init; }
    public string? FilePath { get; init; }
    public string? FileType { get; init; }
    public long? UploadedBy { get; init; }
    public string Source { get; init; } = "upload";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}
