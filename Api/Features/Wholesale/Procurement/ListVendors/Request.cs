using ErrorOr;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Procurement.ListVendors;

sealed record Request : IRequest<ErrorOr<List<VendorRow>>>
{
    [QueryParam] public string? All { get; init; }
}
