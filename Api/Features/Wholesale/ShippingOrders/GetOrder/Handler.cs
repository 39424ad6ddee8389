using Api.Infrastructure.Database;
using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.ShippingOrders.GetOrder;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct) =>
        await ShipOrders.LoadAsync(db, req.OrderNumber, ct) is { } order ? new Response(order) : ShipOrders.NotFound;
}
