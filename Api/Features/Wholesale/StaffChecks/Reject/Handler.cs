using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.StaffChecks.Reject;

/// <summary>
/// A confirmed order goes back to pending (the one move outside the forward state machine, written to the order events like
/// any status change), so the customer's pay options reappear; later statuses are left as they are.
/// </summary>
sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string RejectSql = Sql.Load<Handler>("Reject.sql");
    const string LockSql = "select id as \"Id\", status as \"Status\" from wholesale.orders where order_number = @Number and deleted_at is null for update";
    const string BackSql = """
        with u as (
            update wholesale.orders set status = 'pending', confirmed_at = null, status_changed_at = now(), status_changed_by = @Actor, updated_at = now()
             where id = @Id and status = 'confirmed'
            returning id
        )
        insert into wholesale.order_events (order_id, kind, from_status, to_status, actor_kind, actor_id, reason)
        select id, 'status', 'confirmed', 'pending', @ActorKind, @ActorId, 'check rejected' from u
        """;

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var caller = req.Caller;
        if (caller.Role == "sales_rep") return Error.Forbidden("Staff.SalesRepCannotMoveMoney", "Sales reps cannot review checks");
        await using var tx = await db.BeginTransactionAsync(ct);
        if ((await db.QueryToListAsync<OrderRow>(LockSql, new { Number = req.OrderNumber.Trim().ToUpperInvariant() }, ct)) is not [var order])
            return Error.NotFound("Order.NotFound", "Order not found");
        var p = new { order.Id, OrderId = order.Id, Actor = caller.Label, ActorKind = caller.ActorKind, ActorId = caller.Id };
        if ((await db.QueryToListAsync<string>(RejectSql, p, ct)).Count == 0)
            return Error.Conflict("Check.NotAwaitingReview", "no check awaits review for this order");
        await db.ExecuteAsync(BackSql, p, ct);
        await tx.CommitAsync(ct);
        return new Response(true, "Check rejected; the order is pending and unpaid, so the customer can pay again");
    }

    sealed class OrderRow { public long Id { get; init; } public string Status { get; init; } = ""; }
}
