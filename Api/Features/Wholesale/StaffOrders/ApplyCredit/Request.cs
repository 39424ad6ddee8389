using System.Text.Json.Serialization;
using Api.Features.Wholesale.Common;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.StaffOrders.ApplyCredit;

sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("order_id")] public long OrderId { get; init; }
    public decimal? Amount { get; init; }
    [JsonIgnore] public Caller Caller { get; init; } = Caller.Anonymous;

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.OrderId).GreaterThan(0);
            RuleFor(r => r.Amount).NotNull().GreaterThan(0m).LessThanOrEqualTo(1_000_000m)
                .Must(a => Money.HasAtMostTwoDecimals(a)).WithMessage(Money.TwoDecimalsMessage);
        }
    }
}

/// <summary><c>new_order_total</c> is what is still due on the order after the credit (total minus everything paid).</summary>
sealed record Response(bool Success, decimal CreditApplied, decimal NewOrderTotal, decimal CreditBalance, StoreCredit.Entry Transaction);
