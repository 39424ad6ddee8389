using ErrorOr;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.StaffProducts.ListImages;

sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("product_id")] public long ProductId { get; init; }
}

/// <summary>The document's field: images.</summary>
sealed record Response(IReadOnlyList<GalleryImage> Images);
