using ErrorOr;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Procurement.DeleteVendor;

sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("vendor_id")] public long VendorId { get; init; }
}

sealed record Response(bool Success);
