using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.BrandInsights.Dashboard.PromoTimeseries;

sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("brand_key")] public string BrandKey { get; init; } = "";
    /// <summary>First day (YYYY-MM-DD); default 30 days before <c>to</c>.</summary>
    public DateOnly? From { get; init; }
    /// <summary>Last day (YYYY-MM-DD); default today (UTC).</summary>
    public DateOnly? To { get; init; }
    /// <summary>day (default), week (Monday-based) or month.</summary>
    public string Interval { get; init; } = "day";

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Interval).Must(i => i is "day" or "week" or "month").WithMessage("Must be one of: day, week, month");
            RuleFor(r => r.From).Must(DateRange.InRange).WithMessage(DateRange.OutOfRange)
                .Must(_ => DateRange.NotBlank(Resolve<IHttpContextAccessor>(), "from")).WithMessage(DateRange.Blank);
            RuleFor(r => r.To).Must(DateRange.InRange).WithMessage(DateRange.OutOfRange)
                .Must(_ => DateRange.NotBlank(Resolve<IHttpContextAccessor>(), "to")).WithMessage(DateRange.Blank);
            RuleFor(r => r.From).Must((r, from) => from is null || r.To is null || from <= r.To).WithMessage("Must not be after to");
            RuleFor(r => r.From).Must((r, from) => from is null || r.To is null || r.To.Value.DayNumber - from.Value.DayNumber <= 1096)
                .WithMessage("Must be at most 3 years before to");
        }
    }
}

sealed record Response(string BrandKey, Period Period, IReadOnlyList<Point> Points, Summary Summary);
sealed record Period(DateOnly From, DateOnly To, string Interval, int PointsCount);
sealed record Point(DateOnly Date, int TotalPromos, int PercentOff, int DollarOff, int Bogo, int Bundle, int SetPrice, int Other,
    double AvgDiscountPercent, int StoresWithPromos);
sealed record Summary(int TotalPromoDays, int? PeakPromos, DateOnly? PeakDate, double AvgDailyPromos, string? MostCommonType,
    double? AvgDiscountPercent);
