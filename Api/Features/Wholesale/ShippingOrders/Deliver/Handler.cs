using Api.Infrastructure.Database;
using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.ShippingOrders.Deliver;

/// <summary>shipped to delivered; any other status is 409.</summary>
sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        await using var tx = await db.BeginTransactionAsync(ct);
        if (await ShipOrders.LoadAsync(db, req.OrderNumber, ct, forUpdate: true) is not { } order) return ShipOrders.NotFound;
        if (await ShipOrders.MoveAsync(db, order.Id, "delivered", req.Caller.ActorKind, req.Caller.Id, "marked delivered by the warehouse", ct) is null)
            return ShipOrders.BadMove(order, "delivered", "delivered");
        var moved = await ShipOrders.LoadAsync(db, req.OrderNumber, ct);
        await tx.CommitAsync(ct);
        return new Response(true, moved!);
    }
}
