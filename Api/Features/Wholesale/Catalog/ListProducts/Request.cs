using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Catalog.ListProducts;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public const int MaxPerPage = 200;

    [BindFrom("category_id")] public long? CategoryId { get; init; }
    /// <summary>A category name (case-insensitive); an unknown name gives an empty page.</summary>
    public string? Category { get; init; }
    /// <summary>Full-text search over name, SKU, brand and description; with no full-text match, a typo-tolerant trigram match.</summary>
    public string? Search { get; init; }
    public int Page { get; init; } = 1;
    /// <summary>Default 100; above 200 is served as 200.</summary>
    [BindFrom("per_page")] public int PerPage { get; init; } = 100;

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Page).InclusiveBetween(1, 1_000_000).WithMessage("Must be between 1 and 1000000");
            RuleFor(r => r.PerPage).GreaterThanOrEqualTo(1).WithMessage("Must be at least 1");
            RuleFor(r => r.CategoryId).GreaterThan(0).WithMessage("Must be a positive id");
            RuleFor(r => r.Search).MaximumLength(200).WithMessage("Must be at most 200 characters")
                .Must(s => s is null || !s.Contains('\0')).WithMessage("Must not contain NUL characters");
            RuleFor(r => r.Category).MaximumLength(200).WithMessage("Must be at most 200 characters")
                .Must(s => s is null || !s.Contains('\0')).WithMessage("Must not contain NUL characters");
        }
    }
}

/// <summary>The document's fields: products, total, pages, current_page, per_page.</summary>
sealed record Response(IReadOnlyList<Item> Products, long Total, long Pages, int CurrentPage, int PerPage);

sealed record Item
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public string Sku { get; init; } = "";
    public string? Brand { get; init; }
    public decimal UnitPrice { get; init; }
    public decimal? BulkPrice { get; init; }
    public int? BulkQuantity { get; init; }
    public string? UnitSize { get; init; }
    public bool InStock { get; init; }
}
