using System.Text.Json.Serialization;
using Api.Features.Wholesale.Common;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.StaffOrders.CreateOrder;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public List<Item>? Items { get; init; }
    public string? DeliveryName { get; init; }
    public string? DeliveryAddress { get; init; }
    public string? DeliveryCity { get; init; }
    public string? DeliveryState { get; init; }
    public string? DeliveryZip { get; init; }
    public decimal? DiscountAmount { get; init; }
    public decimal? DeliveryFee { get; init; }
    public string? OrderNumber { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public long? SalesRepId { get; init; }
    public string? Status { get; init; }
    public string? DeliveryFirstName { get; init; }
    public string? DeliveryLastName { get; init; }
    public string? DeliveryEmail { get; init; }
    public string? DeliveryCompany { get; init; }
    public string? DeliveryPhone { get; init; }
    public string? SpecialNotes { get; init; }
    public string? PaymentMethod { get; init; }
    public string? PaymentStatus { get; init; }
    public string? StaffNotes { get; init; }
    public string? AssignedTo { get; init; }
    public bool? UpsertCustomer { get; init; }
    [JsonIgnore] public Caller Caller { get; init; } = Caller.Anonymous;

    public const int MaxItems = 200;
    public const int MaxQuantity = 10_000;
    public static readonly string[] Statuses = ["pending", "confirmed", "packed", "shipped", "delivered"];
    public static readonly string[] PaymentStatuses = ["paid", "unpaid", "pending"];
    public static readonly string[] PaymentMethods = ["net30", "card", "credit_card", "check", "cash", "ach", "cod", "other"];

    public sealed record Item
    {
        public long? ProductId { get; init; }
        public string? Sku { get; init; }
        public int Quantity { get; init; }
        public decimal? UnitPrice { get; init; }
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
                i.RuleFor(x => x.UnitPrice).InclusiveBetween(0m, 1_000_000m).Must(Money.HasAtMostTwoDecimals).WithMessage(Money.TwoDecimalsMessage);
            });
            RuleFor(r => r.DeliveryName).NotEmpty().MaximumLength(200);
            RuleFor(r => r.DeliveryAddress).NotEmpty().MaximumLength(500);
            RuleFor(r => r.DeliveryCity).NotEmpty().MaximumLength(100);
            RuleFor(r => r.DeliveryState).NotEmpty().MaximumLength(50);
            RuleFor(r => r.DeliveryZip).NotEmpty().MaximumLength(20);
            RuleFor(r => r.DiscountAmount).InclusiveBetween(0m, 1_000_000m).Must(Money.HasAtMostTwoDecimals).WithMessage(Money.TwoDecimalsMessage);
            RuleFor(r => r.DeliveryFee).InclusiveBetween(0m, 1_000_000m).Must(Money.HasAtMostTwoDecimals).WithMessage(Money.TwoDecimalsMessage);
            RuleFor(r => r.OrderNumber).MaximumLength(40).Matches("^[A-Za-z0-9][A-Za-z0-9_-]*$")
                .WithMessage("letters, digits, - and _ only").When(r => !string.IsNullOrWhiteSpace(r.OrderNumber));
            RuleFor(r => r.CreatedAt).Must(c => c <= DateTimeOffset.UtcNow.AddMinutes(5)).WithMessage("must not be in the future")
                .When(r => r.CreatedAt is not null);
            RuleFor(r => r.SalesRepId).GreaterThan(0).When(r => r.SalesRepId is not null);
            RuleFor(r => r.Status).Must(s => Statuses.Contains(s!.Trim().ToLowerInvariant()))
                .WithMessage("must be one of " + string.Join(", ", Statuses)).When(r => !string.IsNullOrWhiteSpace(r.Status));
            RuleFor(r => r.PaymentStatus).Must(s => PaymentStatuses.Contains(s!.Trim().ToLowerInvariant()))
                .WithMessage("must be one of " + string.Join(", ", PaymentStatuses)).When(r => !string.IsNullOrWhiteSpace(r.PaymentStatus));
            RuleFor(r => r.PaymentMethod).Must(m => PaymentMethods.Contains(m!.Trim().ToLowerInvariant()))
                .WithMessage("must be one of " + string.Join(", ", PaymentMethods)).When(r => !string.IsNullOrWhiteSpace(r.PaymentMethod));
            RuleFor(r => r.DeliveryFirstName).MaximumLength(100);
            RuleFor(r => r.DeliveryLastName).MaximumLength(100);
            RuleFor(r => r.DeliveryCompany).MaximumLength(200);
            RuleFor(r => r.DeliveryEmail).MaximumLength(254).EmailAddress().When(r => !string.IsNullOrWhiteSpace(r.DeliveryEmail));
            RuleFor(r => r.DeliveryPhone).Must(p => Phones.ToE164(p) is not null).WithMessage("not a valid phone number")
                .When(r => !string.IsNullOrWhiteSpace(r.DeliveryPhone));
            RuleFor(r => r.SpecialNotes).MaximumLength(2000);
            RuleFor(r => r.StaffNotes).MaximumLength(5000);
            RuleFor(r => r.AssignedTo).MaximumLength(200);
            RuleFor(r => r).Must(r => r.DeliveryPhone is { Length: > 0 } || r.DeliveryEmail is { Length: > 0 })
                .WithMessage("upsert_customer needs delivery_phone or delivery_email").OverridePropertyName("upsert_customer")
                .When(r => r.UpsertCustomer == true);
        }
    }
}

sealed record Response(bool Success, StaffOrder Order);
