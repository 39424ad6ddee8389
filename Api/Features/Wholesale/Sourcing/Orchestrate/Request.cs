using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Sourcing.Orchestrate;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public string? Requirement { get; init; }
    public long? ProductId { get; init; }
    public string? ProductName { get; init; }
    public int? Quantity { get; init; }
    public decimal? TargetPrice { get; init; }
    /// <summary>YYYY-MM-DD.</summary>
    public string? Deadline { get; init; }
    public string? Notes { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Requirement).Must(s => !string.IsNullOrWhiteSpace(s)).WithMessage("Required").Text(2000);
            RuleFor(r => r.ProductId).GreaterThan(0).WithMessage("Must be a product id");
            RuleFor(r => r.ProductName).Text(300);
            RuleFor(r => r.Quantity).InclusiveBetween(1, 100_000_000).WithMessage("Must be a positive whole number");
            RuleFor(r => r.TargetPrice).Must(p => p is null || p > 0).WithMessage("Must be positive").Money();
            RuleFor(r => r.Deadline).Date();
            RuleFor(r => r.Notes).Text(2000);
        }
    }
}

sealed record Response(bool Success, Plan Config);
