using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.StaffChecks.Approve;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string ApproveSql = Sql.Load<Handler>("Approve.sql");
    const string LockSql = "select id as \"Id\", status as \"Status\" from wholesale.orders where order_number = @Number and deleted_at is null for update";

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var caller = req.Caller;
        if (caller.Role == "sales_rep") return Error.Forbidden("Staff.SalesRepCannotMoveMoney", "Sales reps cannot review checks");
        await using var tx = await db.BeginTransactionAsync(ct);
        if ((await db.QueryToListAsync<OrderRow>(LockSql, new { Number = req.OrderNumber.Trim().ToUpperInvariant() }, ct)) is not [var order])
            return Error.NotFound("Order.NotFound", "Order not found");
        var paid = await db.QueryToListAsync<string>(ApproveSql, new
        {
            OrderId = order.Id, Actor = caller.Label, ActorKind = caller.ActorKind, ActorId = caller.Id,
        }, ct);
        if (paid.Count == 0) return Error.Conflict("Check.NotAwaitingReview", "no check awaits review for this order");
        var confirmed = false;
        if (order.Status == "pending")
        {
            confirmed = (await db.QueryToListAsync<string?>("select wholesale.set_order_status(@Id, 'confirmed', @Kind, @ActorId, 'check approved')",
                new { order.Id, Kind = caller.ActorKind, ActorId = caller.Id }, ct)).SingleOrDefault() is not null;
            if (confirmed) await db.ExecuteAsync("update wholesale.orders set confirmed_at = now() where id = @Id", new { order.Id }, ct);
        }
        await tx.CommitAsync(ct);
        return new Response(true, paid[0] == "paid"
            ? confirmed ? "Check approved; the order is paid and confirmed" : "Check approved; the order is paid"
            : "Check approved; a balance remains on the order");
    }

    sealed class OrderRow { public long Id { get; init; } public string Status { get; init; } = ""; }
}
