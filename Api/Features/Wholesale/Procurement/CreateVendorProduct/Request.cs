using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Procurement.CreateVendorProduct;

sealed record Request : IRequest<ErrorOr<ProductRow>>
{
    [BindFrom("vendor_id")] public long VendorId { get; init; }
    public string? Name { get; init; }
    public string? Category { get; init; }
    public string? Description { get; init; }
    public string? ModelNumber { get; init; }
    public decimal? EstPriceMin { get; init; }
    public decimal? EstPriceMax { get; init; }
    public int? LeadTimeDays { get; init; }
    public string? Notes { get; init; }
    public bool? Active { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Required").Text(200);
            RuleFor(r => r.Category).Text(200);
            RuleFor(r => r.Description).Text(5000);
            RuleFor(r => r.ModelNumber).Text(200);
            RuleFor(r => r.EstPriceMin).Money();
            RuleFor(r => r.EstPriceMax).Money()
                .Must((r, max) => r.EstPriceMin is null || max is null || r.EstPriceMin <= max).WithMessage("Must not be less than est_price_min");
            RuleFor(r => r.LeadTimeDays).InclusiveBetween(0, 3650).WithMessage("Must be between 0 and 3650 days");
            RuleFor(r => r.Notes).Text(5000);
        }
    }
}
