using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Sourcing.AddQuote;

/// <summary>A quote needs a positive price and a known supplier (optional in the document; award needs to know who quoted).</summary>
sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("rfq_id")] public long RfqId { get; init; }
    public decimal? Price { get; init; }
    public long? SupplierId { get; init; }
    public int? Moq { get; init; }
    public string? LeadTime { get; init; }
    public string? Notes { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Price).NotNull().WithMessage("Required").Must(p => p is null || p > 0).WithMessage("Must be positive").Money();
            RuleFor(r => r.SupplierId).NotNull().WithMessage("Required").GreaterThan(0).WithMessage("Must be a supplier id");
            RuleFor(r => r.Moq).InclusiveBetween(1, 100_000_000).WithMessage("Must be a positive whole number");
            RuleFor(r => r.LeadTime).Text(100);
            RuleFor(r => r.Notes).Text(2000);
        }
    }
}

sealed record Response(bool Success, RfqRow Rfq);
