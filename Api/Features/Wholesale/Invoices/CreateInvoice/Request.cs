using System.Text.Json;
using System.Text.Json.Serialization;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Invoices.CreateInvoice;

sealed record Request : IRequest<ErrorOr<JsonElement>>
{
    public string? CustomerName { get; init; }
    public List<InvoiceKit.ItemIn>? Items { get; init; }
    public string? Status { get; init; }
    public long? CustomerId { get; init; }
    public long? OrderId { get; init; }
    public string? CustomerCompany { get; init; }
    public string? CustomerEmail { get; init; }
    public string? CustomerPhone { get; init; }
    public string? CustomerAddress { get; init; }
    public string? CustomerCity { get; init; }
    public string? CustomerState { get; init; }
    public string? CustomerZip { get; init; }
    public decimal? DiscountAmount { get; init; }
    public decimal? ShippingFee { get; init; }
    public decimal? TaxRate { get; init; }
    public string? PaymentMethod { get; init; }
    public string? PaymentTerms { get; init; }
    public string? DueDate { get; init; }
    public string? Notes { get; init; }
    public string? InternalNotes { get; init; }
    [JsonIgnore] public string Actor { get; init; } = "";

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.CustomerName).NotEmpty().MaximumLength(200);
            RuleFor(r => r.Items).NotNull().Must(i => i is null || i.Count is > 0 and <= 500).WithMessage("items is a list of 1 to 500 lines");
            RuleForEach(r => r.Items).SetValidator(new InvoiceKit.ItemValidator());
            RuleFor(r => r.Status).Must(s => s is null || InvoiceKit.CreateStates.Contains(s)).WithMessage("status is draft, sent or paid");
            RuleFor(r => r.CustomerId).GreaterThan(0);
            RuleFor(r => r.OrderId).GreaterThan(0);
            RuleFor(r => r.CustomerEmail).EmailAddress().MaximumLength(254);
            RuleFor(r => r.CustomerPhone).Must(p => string.IsNullOrWhiteSpace(p) || Common.Phones.ToE164(p) is not null).WithMessage("customer_phone is not a valid phone number");
            RuleFor(r => r.DueDate).Must(InvoiceKit.IsDate).WithMessage("due_date is YYYY-MM-DD");
            RuleFor(r => r.CustomerCompany).MaximumLength(200);
            RuleFor(r => r.CustomerAddress).MaximumLength(500);
            RuleFor(r => r.CustomerCity).MaximumLength(100);
            RuleFor(r => r.CustomerState).MaximumLength(50);
            RuleFor(r => r.CustomerZip).MaximumLength(20);
            RuleFor(r => r.PaymentMethod).MaximumLength(50);
            RuleFor(r => r.PaymentTerms).MaximumLength(50);
            RuleFor(r => r.Notes).MaximumLength(4000);
            RuleFor(r => r.InternalNotes).MaximumLength(4000);
            InvoiceKit.Amounts(this, r => r.DiscountAmount, r => r.ShippingFee, r => r.TaxRate);
        }
    }
}
