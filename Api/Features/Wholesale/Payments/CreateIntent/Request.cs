using Api.Features.Wholesale.Common;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Payments.CreateIntent;

sealed record Request : IRequest<ErrorOr<Response>>
{
    /// <summary>Required by the document; with <c>order_number</c> it is ignored and the order's balance is charged.</summary>
    public decimal? Amount { get; init; }
    public string? OrderNumber { get; init; }
    public string? CustomerName { get; init; }
    public string? CustomerEmail { get; init; }

    public const decimal MaxAmount = 1_000_000m;

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Amount).NotNull().GreaterThan(0).LessThanOrEqualTo(MaxAmount)
                .Must(Money.HasAtMostTwoDecimals).WithMessage(Money.TwoDecimalsMessage);
            RuleFor(r => r.OrderNumber).Must(OrderNumbers.Plausible).WithMessage("not a valid order number")
                .When(r => !string.IsNullOrWhiteSpace(r.OrderNumber));
            RuleFor(r => r.CustomerName).MaximumLength(200);
            RuleFor(r => r.CustomerEmail).MaximumLength(254).EmailAddress().When(r => !string.IsNullOrWhiteSpace(r.CustomerEmail));
        }
    }
}

/// <summary>The document's fields plus the amount actually charged and the order it is for.</summary>
sealed record Response(bool Success, string ClientSecret, string PaymentIntentId, decimal Amount, string? OrderNumber);
