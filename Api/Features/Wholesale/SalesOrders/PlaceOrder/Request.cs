using System.Text.Json.Serialization;
using Api.Features.Wholesale.Common;
using Api.Features.Wholesale.SalesCustomers;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.SalesOrders.PlaceOrder;

/// <summary>
/// The document's fields. Items as the core's: <c>{"product_id", "quantity"}</c> or <c>{"sku", "quantity"}</c>, prices from the
/// catalog. <c>payment_method</c> defaults to the customer's terms (net30 for a net-30 account, else cash). <c>discount_amount</c>
/// is capped for sales reps at <c>Wholesale:Sales:MaxDiscountPercent</c> of the subtotal; <c>delivery_fee</c> overrides the
/// standard fee. <c>ach</c> saves the customer's ACH details (encrypted) in the same transaction.
/// </summary>
sealed record Request : IRequest<ErrorOr<Response>>
{
    public long? CustomerId { get; init; }
    public List<Item>? Items { get; init; }
    public string? Notes { get; init; }
    public string? PaymentMethod { get; init; }
    public AchInput? Ach { get; init; }
    public decimal? DiscountAmount { get; init; }
    public decimal? DeliveryFee { get; init; }
    [JsonIgnore] public Caller Caller { get; init; } = Caller.Anonymous;

    public const int MaxItems = 200;
    public const int MaxQuantity = 10_000;
    public static readonly string[] PaymentMethods = ["net30", "card", "credit_card", "check", "cash", "ach", "cod"];

    public sealed record Item
    {
        public long? ProductId { get; init; }
        public string? Sku { get; init; }
        public int Quantity { get; init; }
    }

    public sealed record AchInput
    {
        public string? BankName { get; init; }
        public string? AccountName { get; init; }
        public string? RoutingNumber { get; init; }
        public string? AccountNumber { get; init; }
        public string? AccountType { get; init; }
    }

    sealed class AchValidator : AbstractValidator<AchInput>
    {
        public AchValidator() => AchOnFile.Rules(this, a => a.RoutingNumber, a => a.AccountNumber, a => a.AccountType, a => a.BankName, a => a.AccountName);
    }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.CustomerId).NotNull().WithMessage("customer_id is required").GreaterThan(0);
            RuleFor(r => r.Items).NotEmpty().WithMessage("at least one item is required")
                .Must(i => i is null || i.Count <= MaxItems).WithMessage($"at most {MaxItems} items");
            RuleForEach(r => r.Items).NotNull().WithMessage("each item must be an object").ChildRules(i =>
            {
                i.RuleFor(x => x).Must(x => x.ProductId is > 0 || !string.IsNullOrWhiteSpace(x.Sku)).WithMessage("product_id or sku is required")
                    .OverridePropertyName("product_id");
                i.RuleFor(x => x.Sku).MaximumLength(64);
                i.RuleFor(x => x.Quantity).InclusiveBetween(1, MaxQuantity);
            });
            RuleFor(r => r.Notes).MaximumLength(2000);
            RuleFor(r => r.PaymentMethod).Must(m => m is null || PaymentMethods.Contains(m.Trim().ToLowerInvariant()))
                .WithMessage("must be one of: " + string.Join(", ", PaymentMethods));
            RuleFor(r => r.DiscountAmount).GreaterThanOrEqualTo(0).Must(Money.HasAtMostTwoDecimals).WithMessage(Money.TwoDecimalsMessage);
            RuleFor(r => r.DeliveryFee).InclusiveBetween(0, 10_000).Must(Money.HasAtMostTwoDecimals).WithMessage(Money.TwoDecimalsMessage);
            RuleFor(r => r.Ach!).SetValidator(new AchValidator()).When(r => r.Ach is not null);
        }
    }
}

sealed record Response(bool Success, string Message, OrderView Order);

sealed class OrderView
{
    public long Id { get; init; }
    public string OrderNumber { get; init; } = "";
    public long UserId { get; init; }
    public long SalesRepId { get; init; }
    public string Source { get; init; } = "sales";
    public string Status { get; init; } = "pending";
    public DateTimeOffset CreatedAt { get; init; }
    public string? DeliveryName { get; init; }
    public string? DeliveryEmail { get; init; }
    public string? DeliveryPhone { get; init; }
    public string? DeliveryCompany { get; init; }
    public string? DeliveryAddress { get; init; }
    public string? SpecialNotes { get; init; }
    public decimal Subtotal { get; init; }
    public decimal DiscountAmount { get; init; }
    public decimal DeliveryFee { get; init; }
    public decimal TotalAmount { get; init; }
    public string PaymentMethod { get; init; } = "";
    public string PaymentStatus { get; init; } = "unpaid";
    public bool NeedsReview { get; init; }
    public string? ReviewReason { get; init; }
    public AchView? Ach { get; init; }
    public List<ItemView> Items { get; init; } = [];
}

sealed record ItemView(long ProductId, string ProductName, string ProductSku, string? ProductBrand, string? ProductUnitSize, int Quantity,
    decimal UnitPrice, bool IsBulkPrice, decimal LineTotal);
