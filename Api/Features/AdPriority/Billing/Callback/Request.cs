using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.AdPriority.Billing.Callback;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public string Shop { get; init; } = "";
    [BindFrom("charge_id")] public long ChargeId { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Shop).Must(s => Api.Infrastructure.Auth.AdPriorityAuth.NormalizeShop(s) is not null)
                .WithMessage("shop must be a <name>.myshopify.com domain").WithErrorCode("format:myshopify.com");
            RuleFor(r => r.ChargeId).GreaterThan(0).WithMessage("charge_id must be a positive charge id").WithErrorCode("range:>0");
        }
    }
}

sealed record Response(long ChargeId, string Plan, string Status, string BillingStatus, DateTime? ActivatedAt, DateTime? TrialEndsAt, string RedirectUrl);
