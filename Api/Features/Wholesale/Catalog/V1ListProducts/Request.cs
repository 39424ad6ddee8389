using Api.Features.Wholesale.Catalog.Editing;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Catalog.V1ListProducts;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public const int MaxPerPage = 200;

    [BindFrom("category_id")] public long? CategoryId { get; init; }
    public string? Search { get; init; }
    /// <summary>true/false (also 1/0, yes/no); absent: both.</summary>
    [BindFrom("in_stock")] public string? InStock { get; init; }
    public int Page { get; init; } = 1;
    /// <summary>Default 50; above 200 is served as 200.</summary>
    [BindFrom("per_page")] public int PerPage { get; init; } = 50;

    public static bool? ParseBool(string? s) => s?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
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
            RuleFor(r => r.CategoryId).GreaterThan(0).WithMessage("Must be a positive id");
            RuleFor(r => r.InStock).Must(s => string.IsNullOrWhiteSpace(s) || ParseBool(s) is not null).WithMessage("Must be true or false");
            RuleFor(r => r.Search).MaximumLength(200).WithMessage("Must be at most 200 characters")
                .Must(s => s is null || !s.Contains('\0')).WithMessage("Must not contain NUL characters");
        }
    }
}

/// <summary>The document's fields: total, page, per_page, pages, products (the key API's product objects).</summary>
sealed record Response(long Total, int Page, int PerPage, long Pages, IReadOnlyList<ProductView> Products);
