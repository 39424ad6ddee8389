using ErrorOr;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.StaffProducts.RemoveImage;

sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("product_id")] public long ProductId { get; init; }
}

/// <summary>The document's fields: success, product.</summary>
sealed record Response(bool Success, StaffProduct Product);
