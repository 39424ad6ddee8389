using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.AdPriority.Billing.Subscribe;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public string Plan { get; init; } = "";

    sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.Plan).Must(p => AdPriority.Plan.Tiers.Contains(p))
            .WithMessage("plan must be one of starter, growth, pro").WithErrorCode("enum:starter,growth,pro");
    }
}

sealed record Response(string ConfirmationUrl, long ChargeId, string Plan, string Price, int TrialDays);
