using System.Text.Json;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Sourcing.CreateShipment;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public long? SupplierId { get; init; }
    public long? RfqId { get; init; }
    public string? TrackingNumber { get; init; }
    public string? Carrier { get; init; }
    public string? Status { get; init; }
    public string? Origin { get; init; }
    public string? Destination { get; init; }
    public string? Eta { get; init; }
    public List<JsonElement>? Items { get; init; }
    public List<JsonElement>? Documents { get; init; }
    public decimal? TotalCost { get; init; }
    public string? Currency { get; init; }
    public string? Notes { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.SupplierId).GreaterThan(0).WithMessage("Must be a supplier id");
            RuleFor(r => r.RfqId).GreaterThan(0).WithMessage("Must be an RFQ id");
            RuleFor(r => r.TrackingNumber).Text(100);
            RuleFor(r => r.Carrier).Text(100);
            RuleFor(r => r.Status).Must(s => s is null || (Rules.ShipmentStatuses.Contains(s) && s != "cancelled"))
                .WithMessage("Must be one of: production, qc, shipped, in_transit, customs, arrived, received");
            RuleFor(r => r.Origin).Text(200);
            RuleFor(r => r.Destination).Text(200);
            RuleFor(r => r.Eta).Date();
            RuleFor(r => r.TotalCost).Money();
            RuleFor(r => r.Currency).Currency();
            RuleFor(r => r.Notes).Text(5000);
            RuleFor(r => r).Custom((r, ctx) => ShipmentItems.Check(r.Items, r.Documents, ctx));
        }
    }
}

sealed record Response(bool Success, ShipmentRow Shipment);
