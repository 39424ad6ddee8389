using Api.Features.Wholesale.Catalog.Editing;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Catalog.V1UpdatePrice;

/// <summary>unit_price (required), bulk_price and bulk_quantity (optional; absent: unchanged, null: cleared). Two decimals.</summary>
sealed class Request : IRequest<ErrorOr<Response>>
{
    internal readonly ProductPatch Patch = new();

    [BindFrom("identifier")] public string Identifier { get; init; } = "";
    public decimal? UnitPrice { get => Patch.UnitPrice; set => Patch.UnitPrice = value; }
    public decimal? BulkPrice { get => Patch.BulkPrice; set => Patch.BulkPrice = value; }
    public int? BulkQuantity { get => Patch.BulkQuantity; set => Patch.BulkQuantity = value; }

    sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r).Custom((r, ctx) =>
        {
            if (!r.Patch.Has("unit_price")) ctx.AddFailure("unit_price", "Required");
            foreach (var (field, message) in r.Patch.Problems()) ctx.AddFailure(field, message);
        });
    }
}

/// <summary>The document's fields: success, product.</summary>
sealed record Response(bool Success, ProductView Product);
