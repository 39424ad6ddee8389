using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.AdPriority.Priorities.ListPriorities;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public int Page { get; init; } = 1;
    public int Limit { get; init; } = 50;
    public int? Priority { get; init; }
    public int? MinPriority { get; init; }
    public int? MaxPriority { get; init; }
    public bool? Override { get; init; }
    public string? ProductType { get; init; }
    public string? CategoryGroup { get; init; }
    public bool? NeedsSync { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Page).GreaterThanOrEqualTo(1).WithErrorCode("min:1");
            RuleFor(r => r.Limit).InclusiveBetween(1, 250).WithMessage("limit must be between 1 and 250").WithErrorCode("range:1-250");
            RuleFor(r => r.Priority).InclusiveBetween(0, 5).WithMessage("priority must be between 0 and 5").WithErrorCode("range:0-5");
            RuleFor(r => r.MinPriority).InclusiveBetween(0, 5).WithMessage("minPriority must be between 0 and 5").WithErrorCode("range:0-5");
            RuleFor(r => r.MaxPriority).InclusiveBetween(0, 5).WithMessage("maxPriority must be between 0 and 5").WithErrorCode("range:0-5");
            RuleFor(r => r.MaxPriority).GreaterThanOrEqualTo(r => r.MinPriority).When(r => r.MinPriority is not null && r.MaxPriority is not null)
                .WithMessage("maxPriority must be >= minPriority").WithErrorCode("range");
            RuleFor(r => r.ProductType).MaximumLength(255);
            RuleFor(r => r.CategoryGroup).MaximumLength(255);
        }
    }
}

sealed record Response(IReadOnlyList<Item> Priorities, Summary Summary, Pagination Pagination);
sealed record Item(Guid VariantId, string ShopifyVariantId, string GmcProductId, string ProductTitle, string Sku, int Priority,
    Labels CustomLabels, bool Override, DateTime CalculatedAt);
sealed record Labels(string Label0, string Label1, string Label2, string Label3, string Label4);
sealed record Summary(IReadOnlyDictionary<string, int> Distribution, int TotalScored, int TotalOverrides, DateTime? LastCalculated);
sealed record Pagination(int Page, int Limit, long Total, long TotalPages);
