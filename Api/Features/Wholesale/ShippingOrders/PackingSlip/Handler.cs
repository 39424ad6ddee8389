using Api.Infrastructure.Database;
using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.ShippingOrders.PackingSlip;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (await ShipOrders.LoadAsync(db, req.OrderNumber, ct) is not { } o) return ShipOrders.NotFound;
        return new Response(new Slip(o.OrderNumber, o.Status, o.CreatedAt, o.DeliveryName, o.DeliveryCompany, o.DeliveryAddress, o.DeliveryCity,
            o.DeliveryState, o.DeliveryZip, o.DeliveryPhone, o.SpecialNotes, o.TrackingNumber, o.Carrier, o.ItemCount,
            (o.Items ?? []).Select(i => new SlipLine(i.ProductId, i.ProductName, i.ProductSku, i.ProductBrand, i.ProductUnitSize, i.Quantity)).ToList()));
    }
}
