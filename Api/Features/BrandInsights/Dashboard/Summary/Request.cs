using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;
using System.Text.Json.Serialization;

namespace Api.Features.BrandInsights.Dashboard.Summary;

sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("brand_key")] public string BrandKey { get; init; } = "";
    /// <summary>Comparison window: 7d, 30d (default) or 90d.</summary>
    public string Window { get; init; } = "30d";

    public int WindowDays => Window switch { "7d" => 7, "90d" => 90, _ => 30 };

    sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.Window).Must(w => w is "7d" or "30d" or "90d").WithMessage("Must be one of: 7d, 30d, 90d");
    }
}

sealed record Response(
    string BrandKey, string BrandName, string AsOf, string Window,
    DeltaMetric StoreFootprint, DeltaMetric ActiveSkus, RateMetric InStockRate, PromoExposure PromoExposure,
    PriceSummary PriceSummary, [property: JsonPropertyName("activity_last_7d")] Activity ActivityLast7d);

sealed record DeltaMetric(int Current, int Previous, int Delta, double DeltaPercent, string Direction);
sealed record RateMetric(double? Current, double? Previous, double? Delta, string Direction);
sealed record PromoExposure(int SkusOnPromo, int StoresRunningPromos, double PercentOfSkus, string Direction);
sealed record PriceSummary(int? AvgCents, int? MinCents, int? MaxCents, string? AvgFormatted, string? MinFormatted, string? MaxFormatted);
sealed record Activity(int StoresAdded, int StoresRemoved, int NewSkus, int RemovedSkus, int PriceChanges);
