using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.StaffProducts.AddImage;

sealed record Request(long ProductId, byte[] Image) : IRequest<ErrorOr<Response>>;

/// <summary>The document's fields: success, image (as in GET .../images), product.</summary>
sealed record Response(bool Success, GalleryImage Image, StaffProduct Product);
