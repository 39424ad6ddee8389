using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.StaffProducts.SetImage;

sealed record Request(long ProductId, byte[] Image) : IRequest<ErrorOr<Response>>;

/// <summary>The document's fields: success, image_url (our URL of the stored image), product; plus image_id.</summary>
sealed record Response(bool Success, string ImageUrl, long ImageId, StaffProduct Product);
