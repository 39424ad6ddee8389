using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.StaffOrders.DeleteOrder;

/// <summary>
/// One transaction: refused (409) once money was received; an open order is first cancelled through
/// <see cref="OrderCancellation"/> (the state machine, stock back once); a delivered order keeps its stock movements.
/// </summary>
sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string MoneySql = Sql.Load<Handler>("Money.sql");
    static readonly string DeleteSql = Sql.Load<Handler>("Delete.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var caller = req.Caller;
        await using var tx = await db.BeginTransactionAsync(ct);
        var found = await StaffOrderAccess.FindAsync(db, req.OrderId, caller, ct, lockRow: true);
        if (found.IsError) return found.Errors;
        var order = found.Value;
        if ((await db.QueryToListAsync<bool>(MoneySql, new { Id = order.Id }, ct)).Single())
            return Error.Conflict("Order.MoneyReceived", "money was received for this order; cancel and refund it instead of deleting");
        if (order.Status is not ("cancelled" or "delivered"))
        {
            var cancelled = await OrderCancellation.CancelAsync(db, order.Id, caller.ActorKind, caller.Id, "order deleted by staff", ct);
            if (cancelled.IsError) return cancelled.Errors;
        }
        await db.ExecuteAsync(DeleteSql, new { Id = order.Id, Actor = caller.Label, ActorKind = caller.ActorKind, ActorId = caller.Id }, ct);
        await tx.CommitAsync(ct);
        return new Response(true);
    }
}
