using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.StaffOrders.UpdateStatus;

/// <summary>
/// Status changes go through <c>wholesale.set_order_status</c> (the core's state machine; the event records who and why).
/// Cancelling uses <see cref="OrderCancellation"/>: stock back once, card refunds queued in the same transaction and sent to
/// Stripe after the commit. A cancelled order with a refund still open is retried when cancelled again (200 with the
/// refund); otherwise cancelled → anything is 409.
/// </summary>
sealed class Handler(AppDb db, WholesaleStripe stripe) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string NotesSql = Sql.Load<Handler>("Notes.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var to = req.Status!.Trim().ToLowerInvariant();
        var caller = req.Caller;
        var reason = string.IsNullOrWhiteSpace(req.StaffNotes) ? $"status set to {to} by staff" : req.StaffNotes.Trim();
        var notes = new { Id = req.OrderId, To = to, StaffNotes = Clean(req.StaffNotes), AssignedTo = Clean(req.AssignedTo) };
        OrderCancellation.Refund? refund = null;

        await using (var tx = await db.BeginTransactionAsync(ct))
        {
            var found = await StaffOrderAccess.FindAsync(db, req.OrderId, caller, ct, lockRow: true);
            if (found.IsError) return found.Errors;
            var head = found.Value;

            if (to == "cancelled")
            {
                var paid = head.AmountPaid > 0 || head.PaymentStatus is "paid" or "partial";
                if (paid && StaffOrderAccess.IsSalesRep(caller)) return StaffOrderAccess.MoneyForbidden;
                if (head.Status == "cancelled")
                {
                    if (!await OrderCancellation.HasOpenRefundsAsync(db, head.Id, ct))
                        return Error.Conflict("Order.InvalidTransition", "the order is already cancelled",
                            new Dictionary<string, object> { ["from"] = head.Status, ["to"] = to });
                    await db.ExecuteAsync(NotesSql, notes, ct);
                    await tx.CommitAsync(ct);
                }
                else
                {
                    var cancelled = await OrderCancellation.CancelAsync(db, head.Id, caller.ActorKind, caller.Id, reason, ct);
                    if (cancelled.IsError) return cancelled.Errors;
                    await db.ExecuteAsync(NotesSql, notes, ct);
                    await tx.CommitAsync(ct);
                }
            }
            else
            {
                var previous = (await db.QueryToListAsync<string?>("select wholesale.set_order_status(@Id, @To, @Kind, @ActorId, @Reason)",
                    new { Id = head.Id, To = to, Kind = caller.ActorKind, ActorId = caller.Id, Reason = reason }, ct)).SingleOrDefault();
                if (previous is null)
                    return Error.Conflict("Order.InvalidTransition", $"an order that is {head.Status} cannot become {to}",
                        new Dictionary<string, object> { ["from"] = head.Status, ["to"] = to });
                await db.ExecuteAsync(NotesSql, notes, ct);
                await tx.CommitAsync(ct);
            }
        }
        if (to == "cancelled") refund = await OrderCancellation.RefundAsync(db, stripe, req.OrderId, caller.ActorKind, caller.Id, ct);

        var order = (await StaffOrder.LoadAsync(db, req.OrderId, ct))!;
        return new Response(true, new Response.OrderView(order.Id, order.OrderNumber, order.Status, order.PaymentStatus, order.StaffNotes,
            order.AssignedTo, order.Items), refund);
    }

    static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
