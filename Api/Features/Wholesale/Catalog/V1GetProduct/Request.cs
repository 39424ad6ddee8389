using Api.Features.Wholesale.Catalog.Editing;
using ErrorOr;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Catalog.V1GetProduct;

sealed record Request : IRequest<ErrorOr<Response>>
{
    /// <summary>Digits are tried as an id first, then as a SKU; anything else is a SKU.</summary>
    [BindFrom("identifier")] public string Identifier { get; init; } = "";
}

/// <summary>The document's <c>product</c> (failures carry <c>error</c> in the envelope).</summary>
sealed record Response(ProductView Product);
