using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.SalesOrders.CancelOrder;

/// <summary>
/// A sales rep cancels only their own order (another rep's: 403; admins and managers any), only while pending or confirmed
/// and only unpaid (anything paid or in payment needs staff for the refund: 409). The move goes through the core's state
/// machine through the shared <see cref="OrderCancellation.CancelAsync"/> (status event with who and why, <c>cancelled_at</c>,
/// the reserved stock back once with ledger rows), in one transaction with the checks. Unpaid, so no refund is queued.
/// </summary>
sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string LockSql = Sql.Load<Handler>("Lock.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        await using var tx = await db.BeginTransactionAsync(ct);
        if (await db.QueryToListAsync<OrderRow>(LockSql, new { req.OrderId }, ct) is not [var o])
            return Error.NotFound("Order.NotFound", "Order not found");
        if (!req.Caller.IsAdminOrManager && o.SalesRepId != req.Caller.Id)
            return Error.Forbidden("Order.NotYours", "You can only cancel your own orders");
        if (o.Status is not ("pending" or "confirmed"))
            return Error.Conflict("Order.NotCancellable", $"Only pending or confirmed orders can be cancelled here (this one is {o.Status})");
        if (o.PaymentStatus != "unpaid" || o.AmountPaid > 0)
            return Error.Conflict("Order.Paid", "This order has a payment; staff must cancel it and refund");
        var reason = string.IsNullOrWhiteSpace(req.Reason) ? "cancelled by sales rep" : req.Reason.Trim();
        var cancelled = await OrderCancellation.CancelAsync(db, req.OrderId, "staff", req.Caller.Id, reason, ct);
        if (cancelled.IsError) return cancelled.Errors;
        await tx.CommitAsync(ct);
        return new Response(true, o.Id, o.OrderNumber, "cancelled");
    }

    sealed class OrderRow
    {
        public long Id { get; init; }
        public string OrderNumber { get; init; } = "";
        public string Status { get; init; } = "";
        public string PaymentStatus { get; init; } = "";
        public long? SalesRepId { get; init; }
        public decimal AmountPaid { get; init; }
    }
}
