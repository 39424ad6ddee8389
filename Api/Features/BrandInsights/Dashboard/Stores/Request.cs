using System.Text.Json.Serialization;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.BrandInsights.Dashboard.Stores;

sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("brand_key")] public string BrandKey { get; init; } = "";
    /// <summary>active (default), removed or all.</summary>
    public string Status { get; init; } = "active";
    /// <summary>Two-letter state code, e.g. CA.</summary>
    public string? State { get; init; }
    /// <summary>sku_count (default), name, date_added or tenure.</summary>
    public string Sort { get; init; } = "sku_count";
    /// <summary>desc (default) or asc.</summary>
    public string Order { get; init; } = "desc";
    /// <summary>1-200, default 50.</summary>
    public int Limit { get; init; } = 50;
    public int Offset { get; init; }
    /// <summary>Part of the store or dispensary name (case-insensitive).</summary>
    public string? Search { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Status).Must(s => s is "active" or "removed" or "all").WithMessage("Must be one of: active, removed, all");
            RuleFor(r => r.State).Matches("^[A-Za-z]{2}$").When(r => r.State is not null).WithMessage("Must be a two-letter state code");
            RuleFor(r => r.Sort).Must(s => s is "sku_count" or "name" or "date_added" or "tenure")
                .WithMessage("Must be one of: sku_count, name, date_added, tenure");
            RuleFor(r => r.Order).Must(o => o is "asc" or "desc").WithMessage("Must be one of: asc, desc");
            RuleFor(r => r.Limit).InclusiveBetween(1, 200).WithMessage("Must be between 1 and 200");
            RuleFor(r => r.Offset).InclusiveBetween(0, 1_000_000).WithMessage("Must be between 0 and 1000000");
            RuleFor(r => r.Search).MaximumLength(100).WithMessage("Must be at most 100 characters");
        }
    }
}

sealed record Response(string BrandKey, Filters Filters, Pagination Pagination, IReadOnlyList<StoreEntry> Stores, Aggregates Aggregates);
sealed record Filters(string Status, string? State, string? Search);
sealed record Pagination(int Total, int Limit, int Offset, bool HasMore);
sealed record StoreEntry(long StoreId, string StoreName, string StoreSlug, string DispensaryName, string City, string State,
    string DutchieUrl, Presence Presence, SkuCounts SkuCounts, PriceStats PriceStats,
    [property: JsonPropertyName("activity_7d")] Activity Activity7d);
sealed record Presence(string Status, DateOnly FirstSeen, DateOnly LastSeen, int TenureDays);
sealed record SkuCounts(int Active, int InStock, int OnPromo, int TotalEver);
sealed record PriceStats(int? AvgCents, int? MinCents, int? MaxCents);
sealed record Activity(int NewSkus, int RemovedSkus, int PriceChanges);
sealed record Aggregates(int TotalStores, int StatesCount, double AvgSkusPerStore, IReadOnlyList<StateCount> TopStates);
sealed record StateCount(string State, int Count);
