using ErrorOr;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.StaffProducts.SetPrimary;

sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("product_id")] public long ProductId { get; init; }
    [BindFrom("image_id")] public long ImageId { get; init; }
}

/// <summary>The document's fields: success, product.</summary>
sealed record Response(bool Success, StaffProduct Product);
