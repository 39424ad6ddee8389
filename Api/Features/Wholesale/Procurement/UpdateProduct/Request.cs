using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Procurement.UpdateProduct;

/// <summary>Only the fields sent are written: left out or null keeps the value, "" clears a text (not the name).</summary>
sealed record Request : IRequest<ErrorOr<ProductRow>>
{
    [BindFrom("product_id")] public long ProductId { get; init; }
    public string? Name { get; init; }
    public string? Category { get; init; }
    public string? Description { get; init; }
    public string? ModelNumber { get; init; }
    public decimal? EstPriceMin { get; init; }
    public decimal? EstPriceMax { get; init; }
    public int? LeadTimeDays { get; init; }
    public string? Notes { get; init; }
    public bool? Active { get; init; }
    public long? VendorId { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Name).Must(n => n is null || !string.IsNullOrWhiteSpace(n)).WithMessage("Must not be empty").Text(200);
            RuleFor(r => r.Category).Text(200);
            RuleFor(r => r.Description).Text(5000);
            RuleFor(r => r.ModelNumber).Text(200);
            RuleFor(r => r.EstPriceMin).Money();
            RuleFor(r => r.EstPriceMax).Money()
                .Must((r, max) => r.EstPriceMin is null || max is null || r.EstPriceMin <= max).WithMessage("Must not be less than est_price_min");
            RuleFor(r => r.LeadTimeDays).InclusiveBetween(0, 3650).WithMessage("Must be between 0 and 3650 days");
            RuleFor(r => r.Notes).Text(5000);
            RuleFor(r => r.VendorId).GreaterThan(0).WithMessage("Must be a vendor id");
        }
    }
}
