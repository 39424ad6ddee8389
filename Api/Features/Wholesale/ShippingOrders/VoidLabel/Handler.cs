using Api.Infrastructure.Database;
using Api.Infrastructure.Integrations.EasyPost;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.ShippingOrders.VoidLabel;

/// <summary>
/// Asks EasyPost for the refund (the local carrier refunds at once), records <c>ep_refund_status</c> (or <c>ep_error</c> when
/// EasyPost refuses or cannot be reached), hides the label (kept, with who and when) and takes its tracking number and cost
/// off the order. The order's status does not move back: a shipped order stays shipped.
/// </summary>
sealed class Handler(AppDb db, EasyPostClient easyPost) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (await ShipOrders.LoadAsync(db, req.OrderNumber, ct) is not { } order) return ShipOrders.NotFound;
        if (await LabelRow.FindAsync(db, order.Id, req.LabelId, ct) is not { } label || label.VoidedAt is not null)
            return Error.NotFound("Label.NotFound", "Label not found");

        string? refundStatus, epError = null;
        if (label.Provider == "local") refundStatus = "refunded";
        else if (label.ShipmentId is null || !easyPost.Configured) (refundStatus, epError) = ("not_requested", "EasyPost is not configured; no refund was requested");
        else
        {
            try { refundStatus = (await easyPost.RefundShipmentAsync(label.ShipmentId, ct))["refund_status"]?.ToString() ?? "submitted"; }
            catch (EasyPostException e) { (refundStatus, epError) = ("failed", e.Message); }
        }

        await using var tx = await db.BeginTransactionAsync(ct);
        if (await ShipOrders.LoadAsync(db, req.OrderNumber, ct, forUpdate: true) is not { } locked) return ShipOrders.NotFound;
        var voided = await db.ExecuteAsync("""
            update wholesale.shipping_labels set voided_at = now(), voided_by = @By, ep_refund_status = @refundStatus, ep_error = @epError
             where id = @Id and voided_at is null
            """, new { By = req.Caller.Label, refundStatus, epError, label.Id }, ct);
        if (voided != 1) return Error.NotFound("Label.NotFound", "Label not found");
        var remaining = await label.RemoveFromOrderAsync(db, locked.TrackingNumber, ct);
        await db.ExecuteAsync("""
            insert into wholesale.order_events (order_id, kind, actor_kind, actor_id, reason)
            values (@OrderId, 'label', @ActorKind, @ActorId, @Reason)
            """, new { label.OrderId, req.Caller.ActorKind, ActorId = req.Caller.Id,
                Reason = $"label {label.Id} ({label.Carrier} {label.TrackingNumber}) voided; refund {refundStatus}" }, ct);
        await tx.CommitAsync(ct);
        return new Response(true, label.TrackingNumber, refundStatus, epError, remaining);
    }
}
