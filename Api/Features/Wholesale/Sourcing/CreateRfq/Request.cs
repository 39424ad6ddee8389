using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Sourcing.CreateRfq;

/// <summary>An RFQ starts as draft (default) or sent; it needs a product or a description.</summary>
sealed record Request : IRequest<ErrorOr<Response>>
{
    public long? ProductId { get; init; }
    public string? Description { get; init; }
    public decimal? TargetUnitPrice { get; init; }
    public int? Quantity { get; init; }
    public string? Status { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Description).Text(5000)
                .Must((r, d) => r.ProductId is not null || !string.IsNullOrWhiteSpace(d)).WithMessage("Required when no product_id is given");
            RuleFor(r => r.ProductId).GreaterThan(0).WithMessage("Must be a product id");
            RuleFor(r => r.TargetUnitPrice).Money();
            RuleFor(r => r.Quantity).InclusiveBetween(1, 100_000_000).WithMessage("Must be a positive whole number");
            RuleFor(r => r.Status).Must(s => s is null or "draft" or "sent").WithMessage("A new RFQ is draft or sent");
        }
    }
}

sealed record Response(bool Success, RfqRow Rfq);
