using System.Text.Json;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Voice.PlaceOrder;

/// <summary>Each item names a product by <c>sku</c> or by <c>name</c> (words of its name), with a <c>quantity</c>; prices come from the catalog.</summary>
sealed record Request : IRequest<ErrorOr<JsonElement>>
{
    public string? PhoneNumber { get; init; }
    public string? Phone { get; init; }
    public List<Item>? Items { get; init; }
    public bool? Confirmed { get; init; }
    public string? SpecialNotes { get; init; }
    public string? PaymentMethod { get; init; }
    public string? DeliveryName { get; init; }
    public string? DeliveryCompany { get; init; }
    public string? DeliveryAddress { get; init; }
    public string? DeliveryCity { get; init; }
    public string? DeliveryState { get; init; }
    public string? DeliveryZip { get; init; }

    public const int MaxQuantity = 10_000;
    public static readonly string[] Methods = ["net30", "credit_card", "card", "check"];

    public sealed record Item
    {
        public string? Sku { get; init; }
        public string? Name { get; init; }
        public string? ProductName { get; init; }
        public int Quantity { get; init; }
    }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Items).NotEmpty().WithMessage("at least one item is required").Must(i => i is null || i.Count <= 100).WithMessage("at most 100 items");
            RuleForEach(r => r.Items).NotNull().ChildRules(i =>
            {
                i.RuleFor(x => x).Must(x => !string.IsNullOrWhiteSpace(x.Sku) || !string.IsNullOrWhiteSpace(x.Name ?? x.ProductName))
                    .WithMessage("sku or name is required").OverridePropertyName("sku");
                i.RuleFor(x => x.Quantity).InclusiveBetween(1, MaxQuantity);
            });
            RuleFor(r => r.Confirmed).NotNull().WithMessage("confirmed is required (false for a priced preview, true to place)");
            RuleFor(r => r.PaymentMethod).Must(m => m is null || Methods.Contains(m.Trim().ToLowerInvariant()))
                .WithMessage("payment_method is one of net30, credit_card, check");
            RuleFor(r => r.SpecialNotes).MaximumLength(1000);
            RuleFor(r => r.DeliveryName).MaximumLength(200);
            RuleFor(r => r.DeliveryCompany).MaximumLength(200);
            RuleFor(r => r.DeliveryAddress).MaximumLength(500);
            RuleFor(r => r.DeliveryCity).MaximumLength(100);
            RuleFor(r => r.DeliveryState).MaximumLength(50);
            RuleFor(r => r.DeliveryZip).MaximumLength(20);
        }
    }
}
