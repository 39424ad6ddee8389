namespace Api.Features.Wholesale.ShippingOrders;

/// <summary>A label as the portal lists it (the label PDF itself is behind <see cref="LabelUrl"/>).</summary>
sealed record LabelView
{
    public long Id { get; init; }
    public string Provider { get; init; } = "";
    public string Carrier { get; init; } = "";
    public string Service { get; init; } = "";
    public decimal Rate { get; init; }
    public string? TrackingNumber { get; init; }
    public string? LabelUrl { get; init; }
    public string? ShipmentId { get; init; }
    public string? TrackerId { get; init; }
    public string? EpOrderId { get; init; }
    public int ParcelIndex { get; init; }
    public string CreatedBy { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public string? EpRefundStatus { get; init; }
}
