using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.StaffSubscriptions.SetupIntent;

/// <summary>The document's fields; <c>user_id</c> or <c>customer_email</c> is needed to know whose method it is.</summary>
sealed record Request : IRequest<ErrorOr<Response>>
{
    public long? UserId { get; init; }
    public string? CustomerEmail { get; init; }
    public string? CustomerName { get; init; }
    public string? PaymentType { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.PaymentType).NotEmpty().Must(t => t is null || SubscriptionRules.PaymentTypes.Contains(t.Trim().ToLowerInvariant()))
                .WithMessage("Must be card or ach");
            RuleFor(r => r.UserId).GreaterThan(0).When(r => r.UserId is not null);
            RuleFor(r => r.CustomerEmail).NotEmpty().WithMessage("Send user_id or customer_email").When(r => r.UserId is null);
            RuleFor(r => r.CustomerEmail).MaximumLength(254).EmailAddress().When(r => !string.IsNullOrWhiteSpace(r.CustomerEmail));
            RuleFor(r => r.CustomerName).MaximumLength(200);
        }
    }
}

/// <summary>The document's fields: client_secret, stripe_customer_id, setup_intent_id.</summary>
sealed record Response(string ClientSecret, string StripeCustomerId, string SetupIntentId);
