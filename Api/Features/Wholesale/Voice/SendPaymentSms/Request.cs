using System.Text.Json;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Voice.SendPaymentSms;

sealed record Request : IRequest<ErrorOr<JsonElement>>
{
    public string? PhoneNumber { get; init; }
    public string? Phone { get; init; }
    public string? OrderNumber { get; init; }
    public string? PaymentMethod { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.OrderNumber).NotEmpty().MaximumLength(64);
            RuleFor(r => r.PaymentMethod).NotEmpty().Must(m => m is null || m.Trim().ToLowerInvariant() is "net30" or "credit_card" or "check")
                .WithMessage("payment_method is one of net30, credit_card, check");
        }
    }
}
