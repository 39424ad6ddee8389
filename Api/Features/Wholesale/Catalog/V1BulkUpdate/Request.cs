using Api.Features.Wholesale.Catalog.Editing;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Catalog.V1BulkUpdate;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public const int MaxItems = 1000;
    public List<Item>? Products { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Products).NotNull().WithMessage("Required")
                .Must(p => p is null || p.Count is >= 1 and <= MaxItems).WithMessage($"Must hold between 1 and {MaxItems} items");
            RuleForEach(r => r.Products).Must(i => i is not null).WithMessage("Must be an object");
        }
    }
}

/// <summary>
/// One item: <c>id</c> or <c>sku</c> names the product (id wins when both are sent; bulk-update never changes a SKU), the
/// other fields are the changes (unit_price, bulk_price, bulk_quantity, in_stock, name, description, brand, unit_size,
/// image_url, and beyond the document category_id and stock_quantity).
/// </summary>
sealed class Item : ProductPatch
{
    public long? Id { get; set; }
}

/// <summary>The document's fields. <c>success</c> is false when any item failed; the status is 200 either way.</summary>
sealed record Response(bool Success, int UpdatedCount, int SkippedCount, int ErrorCount,
    IReadOnlyList<Updated> Updated, IReadOnlyList<Skipped> Skipped, IReadOnlyList<Failed> Errors);

/// <summary><c>index</c> is the item's position in the request (from 0).</summary>
sealed record Updated(int Index, long Id, string Sku);
sealed record Skipped(int Index, long? Id, string? Sku, string Reason);
sealed record Failed(int Index, long? Id, string? Sku, string Error, Dictionary<string, string>? Details);
