using Api.Features.Wholesale.Common;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Payments.Confirm;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public string? OrderNumber { get; init; }
    public string? PaymentIntentId { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.OrderNumber).NotEmpty().Must(OrderNumbers.Plausible).WithMessage("not a valid order number");
            RuleFor(r => r.PaymentIntentId).NotEmpty().MaximumLength(255)
                .Must(p => p is null || (p.StartsWith("pi_", StringComparison.Ordinal) && p.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')))
                .WithMessage("not a PaymentIntent id");
        }
    }
}

/// <summary>The document's fields plus the order's payment status after the call.</summary>
sealed record Response(bool Success, string Message, string PaymentStatus);
