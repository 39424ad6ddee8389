using ErrorOr;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Procurement.GetVendor;

sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("vendor_id")] public long VendorId { get; init; }
}

/// <summary>The vendor's fields plus <c>products</c>: every product of the vendor, inactive ones included.</summary>
sealed record Response : VendorRow
{
    public List<ProductRow> Products { get; init; } = [];
}
