using Api.Features.Wholesale.Catalog.Editing;
using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.Catalog.V1UploadImage;

sealed record Request(string Identifier, byte[] Image) : IRequest<ErrorOr<Response>>;

/// <summary>The document's fields: success, image_url (our URL of the stored image), product.</summary>
sealed record Response(bool Success, string ImageUrl, ProductView Product);
