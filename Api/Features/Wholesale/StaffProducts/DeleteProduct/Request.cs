using ErrorOr;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.StaffProducts.DeleteProduct;

sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("product_id")] public long ProductId { get; init; }
}

/// <summary>The document's fields: success, message.</summary>
sealed record Response(bool Success, string Message);
