using System.Text.Json.Serialization;
using Api.Features.Wholesale.Common;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.StaffOrders.MarkPaid;

sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("order_id")] public long OrderId { get; init; }
    public string? PaymentMethod { get; init; }
    public string? Note { get; init; }
    public decimal? AmountReceived { get; init; }
    [JsonIgnore] public Caller Caller { get; init; } = Caller.Anonymous;

    /// <summary>The payments table's methods (credit_card is stored as card).</summary>
    public static readonly string[] Methods = ["cash", "check", "card", "credit_card", "ach", "link", "other"];

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.OrderId).GreaterThan(0);
            RuleFor(r => r.PaymentMethod).Must(m => Methods.Contains(m!.Trim().ToLowerInvariant()))
                .WithMessage("must be one of " + string.Join(", ", Methods)).When(r => !string.IsNullOrWhiteSpace(r.PaymentMethod));
            RuleFor(r => r.Note).MaximumLength(2000);
            RuleFor(r => r.AmountReceived).InclusiveBetween(0m, 1_000_000m)
                .Must(a => Money.HasAtMostTwoDecimals(a)).WithMessage(Money.TwoDecimalsMessage);
        }
    }
}

sealed record Response(bool Success, Response.OrderView Order, decimal OverpaymentCredited)
{
    public sealed record OrderView(long Id, string PaymentStatus, string PaymentMethod, string? StaffNotes);
}
