using Api.Features.Wholesale.Catalog.Editing;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Admin.CreateProduct;

/// <summary>
/// The document's fields (name, category_id, sku, unit_price required; description, bulk_price, bulk_quantity, unit_size,
/// brand, image_url optional) plus <c>stock_quantity</c> (tracked stock, recorded in the ledger) and <c>in_stock</c>
/// (untracked products; default true).
/// </summary>
sealed class Request : ProductPatch, IRequest<ErrorOr<Response>>
{
    sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r).Custom((r, ctx) =>
        {
            foreach (var f in new[] { "name", "category_id", "sku", "unit_price" })
                if (!r.Has(f) || (f == "category_id" && r.CategoryId is null)) ctx.AddFailure(f, "Required");
            foreach (var (field, message) in r.Problems()) ctx.AddFailure(field, message);
        });
    }
}

/// <summary>The document's fields plus in_stock and stock_quantity.</summary>
sealed record Response
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public string? Description { get; init; }
    public long? CategoryId { get; init; }
    public string Sku { get; init; } = "";
    public decimal UnitPrice { get; init; }
    public decimal? BulkPrice { get; init; }
    public int? BulkQuantity { get; init; }
    public string? UnitSize { get; init; }
    public string? Brand { get; init; }
    public string? ImageUrl { get; init; }
    public bool InStock { get; init; }
    public int? StockQuantity { get; init; }
}
