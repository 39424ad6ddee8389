using Api.Infrastructure.Database;
using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.ShippingOrders.Confirm;

/// <summary>pending to confirmed; 409 while the order is flagged for staff review or awaits a card or check payment.</summary>
sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        await using var tx = await db.BeginTransactionAsync(ct);
        if (await ShipOrders.LoadAsync(db, req.OrderNumber, ct, forUpdate: true) is not { } order) return ShipOrders.NotFound;
        if (order.Status != "pending") return ShipOrders.BadMove(order, "confirmed", "confirmed");
        if (order.NeedsReview)
            return ErrorOr.Error.Conflict("Order.NeedsReview", "This order is flagged for staff review and cannot be picked yet",
                new Dictionary<string, object> { ["needs_review"] = true });
        if (!order.ReadyToPick)
            return ErrorOr.Error.Conflict("Order.AwaitingPayment", $"This order awaits its {order.PaymentMethod} payment and cannot be picked yet",
                new Dictionary<string, object> { ["payment_method"] = order.PaymentMethod, ["payment_status"] = order.PaymentStatus });
        if (await ShipOrders.MoveAsync(db, order.Id, "confirmed", req.Caller.ActorKind, req.Caller.Id, "picked and ready to ship", ct) is null)
            return ShipOrders.BadMove(order, "confirmed", "confirmed");
        var moved = await ShipOrders.LoadAsync(db, req.OrderNumber, ct);
        await tx.CommitAsync(ct);
        return new Response(true, moved!);
    }
}
