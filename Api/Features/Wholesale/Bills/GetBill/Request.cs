using ErrorOr;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Bills.GetBill;

sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("bill_id")] public long BillId { get; init; }
}

/// <summary>The bill plus <c>line_items</c> in bill order.</summary>
sealed record Response : BillRow
{
    public List<LineItem> LineItems { get; init; } = [];
}

/// <summary>
/// A bill line: what the supplier charged, and our matching product (<c>our_*</c>) with the savings for the same quantity
/// (<c>savings</c> = their line total minus our price for it, pack sizes normalised; negative when we cost more).
/// <c>match_confidence</c> is 1 for a SKU match, else the name similarity (0.3-1).
/// </summary>
sealed record LineItem
{
    public int LineNo { get; init; }
    public string Description { get; init; } = "";
    public string? Sku { get; init; }
    public decimal? Quantity { get; init; }
    public string? Unit { get; init; }
    public decimal? UnitPrice { get; init; }
    public decimal? LineTotal { get; init; }
    public long? MatchedProductId { get; init; }
    public string? OurSku { get; init; }
    public string? OurName { get; init; }
    public decimal? OurPrice { get; init; }
    public string? OurUnit { get; init; }
    public decimal? OurLineTotal { get; init; }
    public decimal? Savings { get; init; }
    public decimal? SavingsPct { get; init; }
    public double? MatchConfidence { get; init; }
}
