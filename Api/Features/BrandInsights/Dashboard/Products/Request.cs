using System.Text.Json.Serialization;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.BrandInsights.Dashboard.Products;

sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("brand_key")] public string BrandKey { get; init; } = "";
    /// <summary>Only products currently listed at this store.</summary>
    [BindFrom("store_slug")] public string? StoreSlug { get; init; }
    /// <summary>active (default), stale, removed or all.</summary>
    public string Status { get; init; } = "active";
    /// <summary>"true": in stock at one store or more; "false": in stock nowhere.</summary>
    [BindFrom("in_stock")] public string? InStock { get; init; }
    /// <summary>"true": on promotion at one store or more; "false": on promotion nowhere.</summary>
    [BindFrom("on_promo")] public string? OnPromo { get; init; }
    /// <summary>store_count (default), name, price or date_added.</summary>
    public string Sort { get; init; } = "store_count";
    public string Order { get; init; } = "desc";
    public int Limit { get; init; } = 50;
    public int Offset { get; init; }
    /// <summary>Part of the product name (case-insensitive).</summary>
    public string? Search { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Status).Must(s => s is "active" or "stale" or "removed" or "all").WithMessage("Must be one of: active, stale, removed, all");
            RuleFor(r => r.InStock).Must(v => v is null or "true" or "false").WithMessage("Must be one of: true, false");
            RuleFor(r => r.OnPromo).Must(v => v is null or "true" or "false").WithMessage("Must be one of: true, false");
            RuleFor(r => r.Sort).Must(s => s is "store_count" or "name" or "price" or "date_added")
                .WithMessage("Must be one of: store_count, name, price, date_added");
            RuleFor(r => r.Order).Must(o => o is "asc" or "desc").WithMessage("Must be one of: asc, desc");
            RuleFor(r => r.Limit).InclusiveBetween(1, 200).WithMessage("Must be between 1 and 200");
            RuleFor(r => r.Offset).InclusiveBetween(0, 1_000_000).WithMessage("Must be between 0 and 1000000");
            RuleFor(r => r.Search).MaximumLength(100).WithMessage("Must be at most 100 characters");
            RuleFor(r => r.StoreSlug).MaximumLength(200).WithMessage("Must be at most 200 characters");
        }
    }
}

sealed record Response(string BrandKey, Filters Filters, Pagination Pagination, IReadOnlyList<ProductEntry> Products, Aggregates Aggregates);
sealed record Filters(string? StoreSlug, string Status, string? InStock, string? OnPromo, string? Search);
sealed record Pagination(int Total, int Limit, int Offset, bool HasMore);
sealed record ProductEntry(long ProductId, string Fingerprint, string Name, string FullName, string Variant, string Weight,
    Distribution Distribution, Pricing Pricing, Stock Stock, Promos Promos, Lifecycle Lifecycle);
sealed record Distribution(int StoreCountCurrent, [property: JsonPropertyName("store_count_previous_30d")] int StoreCountPrevious30d,
    int StoreCountDelta, string StoreCountDirection, IReadOnlyList<string> States);
sealed record Pricing(int? AvgPriceCents, int? MinPriceCents, int? MaxPriceCents, double PriceSpreadPercent,
    string? AvgFormatted, string? MinFormatted, string? MaxFormatted);
sealed record Stock(int InStockCount, int OutOfStockCount, double InStockPercent);
sealed record Promos(int StoresOnPromo, double PercentOnPromo,
    [property: JsonPropertyName("percent_time_on_special_30d")] double PercentTimeOnSpecial30d, string? CommonPromoType);
sealed record Lifecycle(DateOnly FirstSeen, int DaysTracked, string Status);
sealed record Aggregates(int TotalProducts, int TotalInStock, int TotalOnPromo, double AvgStoresPerProduct, IReadOnlyList<Category> Categories);
sealed record Category(string Name, int Count);
