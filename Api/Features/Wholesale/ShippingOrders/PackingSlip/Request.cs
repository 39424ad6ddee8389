using ErrorOr;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.ShippingOrders.PackingSlip;

sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("order_number")] public string OrderNumber { get; init; } = "";
}

sealed record Response(Slip Slip);

/// <summary>What goes in the box with the goods: no price, total, cost or payment field of any kind.</summary>
sealed record Slip(string OrderNumber, string Status, DateTimeOffset CreatedAt, string? DeliveryName, string? DeliveryCompany,
    string? DeliveryAddress, string? DeliveryCity, string? DeliveryState, string? DeliveryZip, string? DeliveryPhone, string? SpecialNotes,
    string? TrackingNumber, string? Carrier, int ItemCount, List<SlipLine> Items);

sealed record SlipLine(long? ProductId, string ProductName, string? ProductSku, string? ProductBrand, string? ProductUnitSize, int Quantity);
