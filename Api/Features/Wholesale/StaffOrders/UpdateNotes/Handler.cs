using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.StaffOrders.UpdateNotes;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string UpdateSql = Sql.Load<Handler>("Update.sql");
    const string MoveSql = "select wholesale.set_order_status(@Id, @To, @Kind, @ActorId, @Reason)";

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var caller = req.Caller;
        await using var tx = await db.BeginTransactionAsync(ct);
        var found = await StaffOrderAccess.FindAsync(db, req.OrderId, caller, ct, lockRow: true);
        if (found.IsError) return found.Errors;
        var order = found.Value;
        var tracking = req.TrackingNumber?.Trim();
        var shipped = false;
        if (!string.IsNullOrEmpty(tracking))
        {
            if (order.Status is "pending" or "cancelled")
                return Error.Conflict("Order.CannotShip", $"a tracking number ships only a confirmed or packed order; this one is {order.Status}",
                    new Dictionary<string, object> { ["status"] = order.Status });
            if (order.Status is "confirmed" or "packed")
            {
                var steps = order.Status == "confirmed" ? new[] { "packed", "shipped" } : ["shipped"];
                foreach (var step in steps)
                    await db.QueryToListAsync<string?>(MoveSql, new
                    {
                        Id = order.Id, To = step, Kind = caller.ActorKind, ActorId = caller.Id, Reason = $"tracking number {tracking} added",
                    }, ct);
                shipped = true;
            }
        }
        var rows = await db.QueryToListAsync<Response.OrderView>(UpdateSql, new
        {
            Id = order.Id, StaffNotes = req.StaffNotes?.Trim(), AssignedTo = req.AssignedTo?.Trim(), TrackingNumber = tracking, Shipped = shipped,
        }, ct);
        await tx.CommitAsync(ct);
        return new Response(true, rows.Single());
    }
}
