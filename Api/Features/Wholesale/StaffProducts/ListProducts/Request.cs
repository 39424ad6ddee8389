using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.StaffProducts.ListProducts;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public const int MaxPerPage = 200;

    [BindFrom("category_id")] public long? CategoryId { get; init; }
    /// <summary>A substring of the name, SKU or brand (case-insensitive).</summary>
    public string? Search { get; init; }
    public int Page { get; init; } = 1;
    /// <summary>Default 50; above 200 is served as 200.</summary>
    [BindFrom("per_page")] public int PerPage { get; init; } = 50;

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Page).InclusiveBetween(1, 1_000_000).WithMessage("Must be between 1 and 1000000");
            RuleFor(r => r.PerPage).GreaterThanOrEqualTo(1).WithMessage("Must be at least 1");
            RuleFor(r => r.CategoryId).GreaterThan(0).WithMessage("Must be a positive id");
            RuleFor(r => r.Search).MaximumLength(200).WithMessage("Must be at most 200 characters")
                .Must(s => s is null || !s.Contains('\0')).WithMessage("Must not contain NUL characters");
        }
    }
}

/// <summary>The document's fields: products (staff product objects), total, pages, current_page, per_page.</summary>
sealed record Response(IReadOnlyList<StaffProduct> Products, long Total, long Pages, int CurrentPage, int PerPage);
