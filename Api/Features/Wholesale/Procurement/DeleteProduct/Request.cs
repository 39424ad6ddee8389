using ErrorOr;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Procurement.DeleteProduct;

sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("product_id")] public long ProductId { get; init; }
}

sealed record Response(bool Success);
