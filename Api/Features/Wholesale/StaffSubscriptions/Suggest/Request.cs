using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.StaffSubscriptions.Suggest;

sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("user_id")] public long UserId { get; init; }
    public string? Sku { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.Sku).MaximumLength(64);
    }
}

/// <summary>
/// The document's fields: order_count, order_dates (distinct days, oldest first), avg_interval_days (mean of the gaps, one
/// decimal), suggested_interval_days (the median gap, 1 to 365), last_order_date, confidence (high, medium, low, none);
/// plus sku and median_interval_days.
/// </summary>
sealed record Response(int OrderCount, List<DateOnly> OrderDates, decimal? AvgIntervalDays, int? SuggestedIntervalDays, DateOnly? LastOrderDate,
    string Confidence, string? Sku, decimal? MedianIntervalDays);
