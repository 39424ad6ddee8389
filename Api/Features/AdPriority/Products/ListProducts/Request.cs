using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.AdPriority.Products.ListProducts;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public int Page { get; init; } = 1;
    public int Limit { get; init; } = 50;
    public string Status { get; init; } = "active";
    public string? ProductType { get; init; }
    public string? Vendor { get; init; }
    public int? Priority { get; init; }
    public string? Search { get; init; }
    public string SortBy { get; init; } = "title";
    public string SortOrder { get; init; } = "asc";

    public static readonly string[] Statuses = ["active", "archived", "draft", "all"];
    public static readonly string[] Sorts = ["title", "priority", "updatedAt", "productType"];

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Page).GreaterThanOrEqualTo(1).WithErrorCode("min:1");
            RuleFor(r => r.Limit).InclusiveBetween(1, 250).WithMessage("limit must be between 1 and 250").WithErrorCode("range:1-250");
            RuleFor(r => r.Status).Must(Statuses.Contains).WithMessage("status must be one of active, archived, draft, all").WithErrorCode("enum");
            RuleFor(r => r.Priority).InclusiveBetween(0, 5).WithMessage("priority must be between 0 and 5").WithErrorCode("range:0-5");
            RuleFor(r => r.SortBy).Must(Sorts.Contains).WithMessage("sortBy must be one of title, priority, updatedAt, productType").WithErrorCode("enum");
            RuleFor(r => r.SortOrder).Must(s => s is "asc" or "desc").WithMessage("sortOrder must be asc or desc").WithErrorCode("enum");
            RuleFor(r => r.Search).MaximumLength(255);
            RuleFor(r => r.ProductType).MaximumLength(255);
            RuleFor(r => r.Vendor).MaximumLength(255);
        }
    }
}

sealed record Response(IReadOnlyList<Item> Products, Pagination Pagination);
sealed record Item(Guid Id, string ShopifyProductId, string Title, string ProductType, string Vendor, string[] Tags, string Status,
    int VariantCount, PriorityInfo? Priority, DateTime UpdatedAt);
sealed record PriorityInfo(int Score, string Label, bool Override, DateTime? CalculatedAt);
sealed record Pagination(int Page, int Limit, long Total, long TotalPages, bool HasNext, bool HasPrev);
