using Api.Features.Wholesale.Catalog.Editing;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Catalog.V1UpdateProduct;

/// <summary>
/// The document's fields (name, description, category_id, sku, unit_price, bulk_price, bulk_quantity, unit_size, brand,
/// in_stock, image_url) plus <c>stock_quantity</c>. Absent fields stay; <c>null</c> clears an optional one.
/// </summary>
sealed class Request : ProductPatch, IRequest<ErrorOr<Response>>
{
    [BindFrom("identifier")] public string Identifier { get; init; } = "";

    sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r).Custom((r, ctx) =>
        {
            foreach (var (field, message) in r.Problems()) ctx.AddFailure(field, message);
            if (r.Given.Count == 0) ctx.AddFailure("body", "Send at least one field to change");
        });
    }
}

/// <summary>The document's fields: success, product.</summary>
sealed record Response(bool Success, ProductView Product);
