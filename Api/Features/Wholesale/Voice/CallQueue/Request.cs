using System.Text.Json;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Voice.CallQueue;

sealed record Request : IRequest<ErrorOr<JsonElement>>
{
    [QueryParam, BindFrom("min_days_since_order")] public int? MinDaysSinceOrder { get; init; }
    [QueryParam, BindFrom("max_days_since_order")] public int? MaxDaysSinceOrder { get; init; }
    [QueryParam, BindFrom("min_order_count")] public int? MinOrderCount { get; init; }
    [QueryParam, BindFrom("cooldown_days")] public int? CooldownDays { get; init; }
    [QueryParam] public int? Limit { get; init; }
    [QueryParam] public int? Page { get; init; }
    [QueryParam] public string? Sort { get; init; }
    [QueryParam, BindFrom("credit_status")] public string? CreditStatus { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.MinDaysSinceOrder).InclusiveBetween(0, 36500);
            RuleFor(r => r.MaxDaysSinceOrder).InclusiveBetween(0, 36500);
            RuleFor(r => r.MaxDaysSinceOrder).GreaterThanOrEqualTo(r => r.MinDaysSinceOrder ?? 14).When(r => r.MaxDaysSinceOrder is not null)
                .WithMessage("max_days_since_order must not be below min_days_since_order");
            RuleFor(r => r.MinOrderCount).InclusiveBetween(1, 100000);
            RuleFor(r => r.CooldownDays).InclusiveBetween(0, 3650);
            RuleFor(r => r.Limit).InclusiveBetween(1, 200);
            RuleFor(r => r.Page).InclusiveBetween(1, 100000);
            RuleFor(r => r.Sort).Must(s => s is null or "priority" or "days_desc" or "ltv_desc").WithMessage("sort is priority, days_desc or ltv_desc");
            RuleFor(r => r.CreditStatus).Must(s => s is null or "" or "none" or "good" or "overdue" or "no_terms")
                .WithMessage("credit_status is good, overdue or no_terms");
        }
    }
}
