using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.ShippingOrders.Ship;

/// <summary>
/// packed to shipped (any other status is 409), recording a typed-in tracking number and carrier when given. After the
/// commit the delivery phone is texted through the core's SMS sender, which skips opted-out numbers.
/// </summary>
sealed class Handler(AppDb db, ISmsSender sms, ILogger<Handler> log) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        await using var tx = await db.BeginTransactionAsync(ct);
        if (await ShipOrders.LoadAsync(db, req.OrderNumber, ct, forUpdate: true) is not { } order) return ShipOrders.NotFound;
        if (order.Status != "packed") return ShipOrders.BadMove(order, "shipped", "shipped");
        var numbers = ShipOrders.Numbers(order.TrackingNumber);
        foreach (var t in ShipOrders.Numbers(req.TrackingNumber)) if (!numbers.Contains(t)) numbers.Add(t);
        var carrier = string.IsNullOrWhiteSpace(req.Carrier) ? order.Carrier : req.Carrier.Trim();
        await db.ExecuteAsync("update wholesale.orders set tracking_number = @Tracking, carrier = @carrier where id = @Id",
            new { Tracking = numbers.Count == 0 ? null : string.Join(", ", numbers), carrier, order.Id }, ct);
        if (await ShipOrders.MoveAsync(db, order.Id, "shipped", req.Caller.ActorKind, req.Caller.Id,
                numbers.Count == 0 ? "shipped" : $"shipped via {carrier ?? "carrier"}: {string.Join(", ", numbers)}", ct) is null)
            return ShipOrders.BadMove(order, "shipped", "shipped");
        var shipped = (await ShipOrders.LoadAsync(db, req.OrderNumber, ct))!;
        await tx.CommitAsync(ct);

        string? sent = null;
        if (Phones.ToE164(shipped.DeliveryPhone) is { } phone)
        {
            var body = $"LLD Restaurant Supply: your order {shipped.OrderNumber} has shipped" +
                       (numbers.Count > 0 ? $" via {carrier ?? "our carrier"}, tracking {string.Join(", ", numbers)}." : ".") + " Reply STOP to opt out.";
            try { sent = (await sms.SendAsync(phone, body, "order_shipped", CancellationToken.None)).Status; }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                sent = "failed"; log.LogWarning(e, "Shipping text for order {Order} failed", shipped.OrderNumber);
            }
        }
        return new Response(true, shipped, sent);
    }
}
