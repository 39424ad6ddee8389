using System.Text.Json.Serialization;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.StaffSubscriptions.UpdateSubscription;

/// <summary>The document's fields, each optional (at least one). An empty <c>notes</c> clears them; next_renewal_date is today or later.</summary>
sealed record Request : IRequest<ErrorOr<SubscriptionView>>
{
    [BindFrom("sub_id")] public long SubId { get; init; }
    public int? IntervalDays { get; init; }
    public int? Quantity { get; init; }
    public decimal? DiscountPct { get; init; }
    public string? Notes { get; init; }
    public DateOnly? NextRenewalDate { get; init; }
    public string? DeliveryName { get; init; }
    public string? DeliveryAddress { get; init; }
    public string? DeliveryCity { get; init; }
    public string? DeliveryState { get; init; }
    public string? DeliveryZip { get; init; }

    [JsonIgnore] public long? StaffId { get; init; }

    public bool Empty => IntervalDays is null && Quantity is null && DiscountPct is null && Notes is null && NextRenewalDate is null
                         && DeliveryName is null && DeliveryAddress is null && DeliveryCity is null && DeliveryState is null && DeliveryZip is null;

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r).Must(r => !r.Empty).WithMessage("Send at least one field to change").OverridePropertyName("body");
            SubscriptionRules.Interval(RuleFor(r => r.IntervalDays));
            RuleFor(r => r.Quantity).GreaterThanOrEqualTo(4).WithMessage("Must be at least 4").LessThanOrEqualTo(10_000);
            SubscriptionRules.Discount(RuleFor(r => r.DiscountPct));
            RuleFor(r => r.Notes).MaximumLength(2000);
            RuleFor(r => r.DeliveryName).NotEmpty().MaximumLength(200).When(r => r.DeliveryName is not null);
            RuleFor(r => r.DeliveryAddress).NotEmpty().MaximumLength(500).When(r => r.DeliveryAddress is not null);
            RuleFor(r => r.DeliveryCity).NotEmpty().MaximumLength(100).When(r => r.DeliveryCity is not null);
            RuleFor(r => r.DeliveryState).NotEmpty().MaximumLength(50).When(r => r.DeliveryState is not null);
            RuleFor(r => r.DeliveryZip).NotEmpty().MaximumLength(20).When(r => r.DeliveryZip is not null);
        }
    }
}
