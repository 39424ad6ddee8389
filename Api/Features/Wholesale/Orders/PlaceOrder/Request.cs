using System.Text.Json.Serialization;
using Api.Features.Wholesale.Common;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Orders.PlaceOrder;

/// <summary>
/// The document's fields. Each item names a product by <c>product_id</c> (or <c>sku</c>) and a <c>quantity</c>; any price a
/// client sends is ignored, prices come from the catalog. <c>payment_method</c> defaults to <c>net30</c> as documented.
/// </summary>
sealed record Request : IRequest<ErrorOr<Response>>
{
    public List<Item>? Items { get; init; }
    public string? DeliveryName { get; init; }
    public string? DeliveryAddress { get; init; }
    public string? DeliveryCity { get; init; }
    public string? DeliveryState { get; init; }
    public string? DeliveryZip { get; init; }
    public string? DeliveryFirstName { get; init; }
    public string? DeliveryLastName { get; init; }
    public string? DeliveryEmail { get; init; }
    public string? DeliveryCompany { get; init; }
    public string? DeliveryPhone { get; init; }
    public string? SpecialNotes { get; init; }
    public string? PaymentMethod { get; init; }
    public string? BillingAddress { get; init; }

    /// <summary>Set by the endpoint from the session cookie (never from the request).</summary>
    [JsonIgnore] public long? CustomerId { get; init; }

    public const int MaxItems = 200;
    public const int MaxQuantity = 10_000;
    public static readonly string[] PaymentMethods = ["net30", "card", "credit_card", "check", "cash", "ach", "cod"];

    public sealed record Item
    {
        public long? ProductId { get; init; }
        public string? Sku { get; init; }
        public int Quantity { get; init; }
    }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Items).NotEmpty().WithMessage("at least one item is required")
                .Must(i => i is null || i.Count <= MaxItems).WithMessage($"at most {MaxItems} items");
            RuleForEach(r => r.Items).NotNull().WithMessage("each item must be an object").ChildRules(i =>
            {
                i.RuleFor(x => x).Must(x => x.ProductId is > 0 || !string.IsNullOrWhiteSpace(x.Sku)).WithMessage("product_id or sku is required")
                    .OverridePropertyName("product_id");
                i.RuleFor(x => x.Sku).MaximumLength(64);
                i.RuleFor(x => x.Quantity).InclusiveBetween(1, MaxQuantity);
            });
            RuleFor(r => r.DeliveryName).NotEmpty().MaximumLength(200);
            RuleFor(r => r.DeliveryAddress).NotEmpty().MaximumLength(500);
            RuleFor(r => r.DeliveryCity).NotEmpty().MaximumLength(100);
            RuleFor(r => r.DeliveryState).NotEmpty().MaximumLength(50);
            RuleFor(r => r.DeliveryZip).NotEmpty().MaximumLength(20);
            RuleFor(r => r.DeliveryFirstName).MaximumLength(100);
            RuleFor(r => r.DeliveryLastName).MaximumLength(100);
            RuleFor(r => r.DeliveryCompany).MaximumLength(200);
            RuleFor(r => r.DeliveryEmail).MaximumLength(254).EmailAddress().When(r => !string.IsNullOrWhiteSpace(r.DeliveryEmail));
            RuleFor(r => r.DeliveryPhone).Must(p => Phones.ToE164(p) is not null).WithMessage("not a valid phone number")
                .When(r => !string.IsNullOrWhiteSpace(r.DeliveryPhone));
            RuleFor(r => r.SpecialNotes).MaximumLength(2000);
            RuleFor(r => r.BillingAddress).MaximumLength(500);
            RuleFor(r => r.PaymentMethod).Must(m => m is null || PaymentMethods.Contains(m.Trim().ToLowerInvariant()))
                .WithMessage("must be one of: " + string.Join(", ", PaymentMethods));
        }
    }
}

sealed record Response(bool Success, string Message, OrderView Order);

/// <summary>The order as the document shows it after placing (plus created_at and needs_review).</summary>
sealed record OrderView
{
    public long Id { get; init; }
    public string OrderNumber { get; init; } = "";
    public long? UserId { get; init; }
    public string Status { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public string? DeliveryName { get; init; }
    public string? DeliveryFirstName { get; init; }
    public string? DeliveryLastName { get; init; }
    public string? DeliveryEmail { get; init; }
    public string? DeliveryCompany { get; init; }
    public string? DeliveryAddress { get; init; }
    public string? DeliveryCity { get; init; }
    public string? DeliveryState { get; init; }
    public string? DeliveryZip { get; init; }
    public string? DeliveryPhone { get; init; }
    public string? SpecialNotes { get; init; }
    public decimal Subtotal { get; init; }
    public decimal DiscountAmount { get; init; }
    public decimal DeliveryFee { get; init; }
    public decimal TotalAmount { get; init; }
    public string PaymentMethod { get; init; } = "";
    public string PaymentStatus { get; init; } = "";
    public bool NeedsReview { get; init; }
    public List<OrderItemView> Items { get; init; } = [];
}
