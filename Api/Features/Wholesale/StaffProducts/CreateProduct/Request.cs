using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.StaffProducts.CreateProduct;

/// <summary>Required: name, sku, unit_price, category_id. The rest as the document lists; in_stock defaults to true.</summary>
sealed class Request : StaffProductPatch, IRequest<ErrorOr<Response>>
{
    sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r).Custom((r, ctx) =>
        {
            foreach (var f in new[] { "name", "sku", "unit_price", "category_id" })
                if (!r.Has(f) || (f == "category_id" && r.CategoryId is null)) ctx.AddFailure(f, "Required");
            foreach (var (field, message) in r.Problems()) ctx.AddFailure(field, message);
        });
    }
}

/// <summary>The document's fields: success, product.</summary>
sealed record Response(bool Success, StaffProduct Product);
