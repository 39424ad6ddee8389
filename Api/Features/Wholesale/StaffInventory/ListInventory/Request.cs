using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.StaffInventory.ListInventory;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public const int MaxPerPage = 200;

    public int Page { get; init; } = 1;
    /// <summary>Default 50; above 200 is served as 200.</summary>
    [BindFrom("per_page")] public int PerPage { get; init; } = 50;
    /// <summary>A substring of the name, SKU or brand (case-insensitive).</summary>
    public string? Search { get; init; }
    /// <summary>A category name (case-insensitive) or id; an unknown one is an empty page.</summary>
    public string? Category { get; init; }
    /// <summary>true/false (also 1/0, yes/no); absent: both.</summary>
    [BindFrom("in_stock")] public string? InStock { get; init; }

    public static bool? ParseBool(string? s) => s?.Trim().ToLowerInvariant() switch
    {
        "true" or "1" or "yes" => true,
        "false" or "0" or "no" => false,
        _ => null,
    };

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Page).InclusiveBetween(1, 1_000_000).WithMessage("Must be between 1 and 1000000");
            RuleFor(r => r.PerPage).GreaterThanOrEqualTo(1).WithMessage("Must be at least 1");
            RuleFor(r => r.InStock).Must(s => string.IsNullOrWhiteSpace(s) || ParseBool(s) is not null).WithMessage("Must be true or false");
            RuleFor(r => r.Search).MaximumLength(200).WithMessage("Must be at most 200 characters")
                .Must(s => s is null || !s.Contains('\0')).WithMessage("Must not contain NUL characters");
            RuleFor(r => r.Category).MaximumLength(100).WithMessage("Must be at most 100 characters")
                .Must(s => s is null || !s.Contains('\0')).WithMessage("Must not contain NUL characters");
        }
    }
}

/// <summary>The document's fields: products (inventory product objects), total, page, per_page, pages.</summary>
sealed record Response(IReadOnlyList<Item> Products, long Total, int Page, int PerPage, long Pages);

/// <summary>
/// An inventory product: what the stock screen edits (in_stock, unit_price, bulk_price, stock_quantity) and what identifies
/// it. <c>tracked</c> says whether stock_quantity is counted (null = untracked; in_stock is then set by hand).
/// </summary>
sealed record Item
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public string Sku { get; init; } = "";
    public string? Brand { get; init; }
    public string? UnitSize { get; init; }
    public long? CategoryId { get; init; }
    public string? Category { get; init; }
    public bool InStock { get; init; }
    public decimal UnitPrice { get; init; }
    public decimal? BulkPrice { get; init; }
    public int? BulkQuantity { get; init; }
    public int? StockQuantity { get; init; }
    public bool Tracked { get; init; }
    public decimal? CostPerItem { get; init; }
    public bool IsActive { get; init; }
    public string? ImageUrl { get; init; }
    public DateTime UpdatedAt { get; init; }
}
