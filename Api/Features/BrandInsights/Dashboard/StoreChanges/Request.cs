using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.BrandInsights.Dashboard.StoreChanges;

sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("brand_key")] public string BrandKey { get; init; } = "";
    /// <summary>Lookback in days, 1-90 (default 30).</summary>
    public int Days { get; init; } = 30;
    /// <summary>Most entries per list, 1-200 (default 10).</summary>
    public int Limit { get; init; } = 10;

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Days).InclusiveBetween(1, 90).WithMessage("Must be between 1 and 90");
            RuleFor(r => r.Limit).InclusiveBetween(1, 200).WithMessage("Must be between 1 and 200");
        }
    }
}

sealed record Response(string BrandKey, Period Period, Changes<AddedStore> StoresAdded, Changes<RemovedStore> StoresRemoved,
    Changes<ReappearedStore> StoresReappeared);
sealed record Period(int Days, DateOnly From, DateOnly To);
sealed record Changes<T>(int Count, IReadOnlyList<T> List);
sealed record AddedStore(long StoreId, string StoreName, string StoreSlug, string DispensaryName, string City, string State,
    DateOnly DateAdded, int DaysAgo, int InitialSkuCount);
sealed record RemovedStore(long StoreId, string StoreName, string StoreSlug, string DispensaryName, string City, string State,
    DateOnly DateRemoved, int DaysAgo, int TenureDays, int LastSkuCount);
sealed record ReappearedStore(long StoreId, string StoreName, string StoreSlug, string DispensaryName, string City, string State,
    DateOnly DateReappeared, int DaysAgo, int DaysAbsent, int SkuCount);
