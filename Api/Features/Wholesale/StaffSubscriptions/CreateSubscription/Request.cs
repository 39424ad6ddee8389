using System.Text.Json.Serialization;
using Api.Features.Wholesale.Common;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.StaffSubscriptions.CreateSubscription;

/// <summary>The document's fields. <c>start_date</c> (a date, today or later) is the first renewal; default today + interval_days.</summary>
sealed record Request : IRequest<ErrorOr<SubscriptionView>>
{
    public long? UserId { get; init; }
    public string? ProductSku { get; init; }
    public int? Quantity { get; init; }
    public int? IntervalDays { get; init; }
    public decimal? DiscountPct { get; init; }
    public string? StripeCustomerId { get; init; }
    public string? StripePaymentMethodId { get; init; }
    public string? PaymentType { get; init; }
    public string? DeliveryName { get; init; }
    public string? DeliveryPhone { get; init; }
    public string? DeliveryEmail { get; init; }
    public string? DeliveryAddress { get; init; }
    public string? DeliveryCity { get; init; }
    public string? DeliveryState { get; init; }
    public string? DeliveryZip { get; init; }
    public string? DeliveryCompany { get; init; }
    public string? Notes { get; init; }
    public DateOnly? StartDate { get; init; }

    [JsonIgnore] public long? StaffId { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.UserId).NotNull().GreaterThan(0);
            RuleFor(r => r.ProductSku).NotEmpty().MaximumLength(64);
            RuleFor(r => r.Quantity).NotNull().GreaterThanOrEqualTo(4).WithMessage("Must be at least 4").LessThanOrEqualTo(10_000);
            SubscriptionRules.Interval(RuleFor(r => r.IntervalDays).NotNull());
            SubscriptionRules.Discount(RuleFor(r => r.DiscountPct).NotNull());
            RuleFor(r => r.StripeCustomerId).NotEmpty().Matches("^cus_[A-Za-z0-9]{1,200}$").WithMessage("Must be a Stripe customer id (cus_...)");
            RuleFor(r => r.StripePaymentMethodId).NotEmpty().Matches("^pm_[A-Za-z0-9]{1,200}$").WithMessage("Must be a Stripe payment method id (pm_...)");
            RuleFor(r => r.PaymentType).NotEmpty().Must(t => t is null || SubscriptionRules.PaymentTypes.Contains(t.Trim().ToLowerInvariant()))
                .WithMessage("Must be card or ach");
            RuleFor(r => r.DeliveryName).NotEmpty().MaximumLength(200);
            RuleFor(r => r.DeliveryPhone).Must(p => Phones.ToE164(p) is not null).WithMessage("Not a valid phone number")
                .When(r => !string.IsNullOrWhiteSpace(r.DeliveryPhone));
            RuleFor(r => r.DeliveryEmail).NotEmpty().MaximumLength(254).EmailAddress()
                .Must(e => !PlaceholderEmails.IsPlaceholder(e)).WithMessage("Must not be a placeholder: " + PlaceholderEmails.Rule);
            RuleFor(r => r.DeliveryAddress).NotEmpty().MaximumLength(500);
            RuleFor(r => r.DeliveryCity).NotEmpty().MaximumLength(100);
            RuleFor(r => r.DeliveryState).NotEmpty().MaximumLength(50);
            RuleFor(r => r.DeliveryZip).NotEmpty().MaximumLength(20);
            RuleFor(r => r.DeliveryCompany).MaximumLength(200);
            RuleFor(r => r.Notes).MaximumLength(2000);
        }
    }
}
