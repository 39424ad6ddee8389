using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.StaffProducts.UpdateProduct;

/// <summary>Every field optional; absent fields stay, <c>null</c> clears an optional one. At least one field.</summary>
sealed class Request : StaffProductPatch, IRequest<ErrorOr<Response>>
{
    [BindFrom("product_id")] public long ProductId { get; init; }

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
sealed record Response(bool Success, StaffProduct Product);
