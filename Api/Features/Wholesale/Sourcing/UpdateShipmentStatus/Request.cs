using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Sourcing.UpdateShipmentStatus;

/// <summary>Every call appends one timeline event; <c>status</c> (when sent and different) moves the shipment.</summary>
sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("sid")] public long Sid { get; init; }
    public string? Status { get; init; }
    public string? TrackingNumber { get; init; }
    public string? Eta { get; init; }
    public string? Event { get; init; }
    public string? Notes { get; init; }
    public string? Location { get; init; }
    public string? RecordedBy { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Status).OneOf(Rules.ShipmentStatuses);
            RuleFor(r => r.TrackingNumber).Text(100);
            RuleFor(r => r.Eta).Date();
            RuleFor(r => r.Event).Text(500)
                .Must((r, e) => new[] { r.Status, r.TrackingNumber, r.Eta, e, r.Notes, r.Location }.Any(v => !string.IsNullOrWhiteSpace(v)))
                .WithMessage("Send a status, tracking_number, eta, event, notes or location");
            RuleFor(r => r.Notes).Text(5000);
            RuleFor(r => r.Location).Text(200);
            RuleFor(r => r.RecordedBy).Text(200);
        }
    }
}

sealed record Response(bool Success, ShipmentRow Shipment);
