using System.Text.Json;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Voice.SubmitSpecialOrder;

sealed record Request : IRequest<ErrorOr<JsonElement>>
{
    public string? Phone { get; init; }
    public string? PhoneNumber { get; init; }
    public string? ItemDescription { get; init; }
    public string? Specifications { get; init; }
    public int? Quantity { get; init; }
    public decimal? TargetUnitPrice { get; init; }
    public string? QualityNotes { get; init; }
    public int? TimelineWeeks { get; init; }
    public string? DeliveryAddress { get; init; }
    public string? AdditionalNotes { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.ItemDescription).NotEmpty().MaximumLength(1000);
            RuleFor(r => r.Specifications).MaximumLength(2000);
            RuleFor(r => r.Quantity).InclusiveBetween(1, 10_000_000);
            RuleFor(r => r.TargetUnitPrice).GreaterThanOrEqualTo(0).LessThan(1_000_000);
            RuleFor(r => r.QualityNotes).MaximumLength(2000);
            RuleFor(r => r.TimelineWeeks).InclusiveBetween(1, 104);
            RuleFor(r => r.DeliveryAddress).MaximumLength(500);
            RuleFor(r => r.AdditionalNotes).MaximumLength(2000);
        }
    }
}
