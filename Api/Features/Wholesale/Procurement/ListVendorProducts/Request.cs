using ErrorOr;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Procurement.ListVendorProducts;

sealed record Request : IRequest<ErrorOr<List<ProductRow>>>
{
    [BindFrom("vendor_id")] public long VendorId { get; init; }
    [QueryParam] public string? All { get; init; }
}
