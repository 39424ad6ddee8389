using Api.Features.Wholesale.Catalog.Editing;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Catalog.V1UpdateInventory;

/// <summary>
/// The document's <c>in_stock</c>, plus (beyond it) <c>stock_quantity</c> (units on hand; null stops tracking) and
/// <c>note</c> (why, kept in the inventory ledger). One of in_stock and stock_quantity is required.
/// </summary>
sealed class Request : IRequest<ErrorOr<Response>>
{
    internal readonly ProductPatch Patch = new();

    [BindFrom("identifier")] public string Identifier { get; init; } = "";
    public bool? InStock { get => Patch.InStock; set => Patch.InStock = value; }
    public int? StockQuantity { get => Patch.StockQuantity; set => Patch.StockQuantity = value; }
    public string? Note { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r).Custom((r, ctx) =>
            {
                if (!r.Patch.Has("in_stock") && !r.Patch.Has("stock_quantity")) ctx.AddFailure("in_stock", "Required");
                foreach (var (field, message) in r.Patch.Problems()) ctx.AddFailure(field, message);
            });
            RuleFor(r => r.Note).MaximumLength(500).WithMessage("Must be at most 500 characters")
                .Must(s => s is null || !s.Contains('\0')).WithMessage("Must not contain NUL characters");
        }
    }
}

/// <summary>The document's fields: success, product.</summary>
sealed record Response(bool Success, ProductView Product);
