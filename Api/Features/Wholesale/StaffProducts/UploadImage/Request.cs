using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.StaffProducts.UploadImage;

sealed record Request(byte[] Image) : IRequest<ErrorOr<Response>>;

/// <summary>The document's fields: success, image_url (a <c>data:image/jpeg|png;base64,</c> URL of the re-encoded image).</summary>
sealed record Response(bool Success, string ImageUrl);
