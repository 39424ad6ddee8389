using System.Text.Json;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.ShippingOrders.DeleteLabel;

/// <summary>
/// Admin or manager ("intended for admin use"): removes the label row without asking EasyPost for a refund. A live label's
/// tracking number and cost leave the order too; an audit_log row keeps what was deleted and by whom.
/// </summary>
sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        await using var tx = await db.BeginTransactionAsync(ct);
        if (await ShipOrders.LoadAsync(db, req.OrderNumber, ct, forUpdate: true) is not { } order) return ShipOrders.NotFound;
        if (await LabelRow.FindAsync(db, order.Id, req.LabelId, ct) is not { } label) return Error.NotFound("Label.NotFound", "Label not found");
        if (label.VoidedAt is null) await label.RemoveFromOrderAsync(db, order.TrackingNumber, ct);
        await db.ExecuteAsync("delete from wholesale.shipping_labels where id = @Id", new { label.Id }, ct);
        await db.ExecuteAsync("""
            insert into wholesale.audit_log (actor_kind, actor_id, action, entity, entity_id, details)
            values (@ActorKind, @ActorId, 'shipping_label.delete', 'shipping_label', @EntityId, @Details::jsonb)
            """, new { req.Caller.ActorKind, ActorId = req.Caller.Id, EntityId = label.Id.ToString(),
                Details = JsonSerializer.Serialize(new { order_number = order.OrderNumber, label.Provider, label.Carrier, label.Rate, tracking_number = label.TrackingNumber, shipment_id = label.ShipmentId, was_voided = label.VoidedAt is not null }) }, ct);
        await tx.CommitAsync(ct);
        return new Response(true);
    }
}
