using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.SalesCommission.Toggle;

/// <summary>Commission is earned only on a rep's paid, non-cancelled order: marking any other paid is 409; unpaid is always allowed.</summary>
sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string SetSql = Sql.Load<Handler>("SetPaid.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        await using var tx = await db.BeginTransactionAsync(ct);
        if (await db.QueryToListAsync<CommissionRow>(CommissionRow.Sql + " for update of o", new { Numbers = new[] { req.OrderNumber.Trim() } }, ct) is not [var order])
            return Error.NotFound("Order.NotFound", "Order not found");
        if (order.SalesRepId is null) return Error.Conflict("Commission.NoRep", "This order is not attributed to a sales rep");
        var paid = req.Paid ?? !order.CommissionPaid;
        if (paid && !order.Earned)
            return Error.Conflict("Commission.NotEarned", "Commission is earned only on paid, non-cancelled orders");
        var set = (await db.QueryToListAsync<SetRow>(SetSql, new { order.Id, Paid = paid, StaffId = req.Caller.Id }, ct)).Single();
        await tx.CommitAsync(ct);
        return new Response(true, order.OrderNumber, set.CommissionPaid, set.CommissionPaidAt, order.Amount, set.CommissionPaidBy,
            order.SalesRepId.Value, order.Rate);
    }

    sealed class SetRow
    {
        public bool CommissionPaid { get; init; }
        public DateTimeOffset? CommissionPaidAt { get; init; }
        public long? CommissionPaidBy { get; init; }
    }
}
