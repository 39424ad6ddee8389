using System.Text.Json.Serialization;
using ErrorOr;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Sourcing.GetSupplier;

sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("sid")] public long Sid { get; init; }
}

/// <summary>The supplier's fields plus counts: RFQs it quoted on or won, its shipments, and those neither received nor cancelled.</summary>
sealed record Response : SupplierRow
{
    public int RfqCount { get; init; }
    public int ShipmentCount { get; init; }
    public int ActiveShipments { get; init; }
}
