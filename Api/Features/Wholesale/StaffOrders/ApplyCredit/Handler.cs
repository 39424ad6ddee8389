using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.StaffOrders.ApplyCredit;

/// <summary>One transaction: order locked, credit taken through <see cref="StoreCredit"/> (409 when short), order paid by it.</summary>
sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string ApplySql = Sql.Load<Handler>("Apply.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var caller = req.Caller;
        if (StaffOrderAccess.IsSalesRep(caller)) return StaffOrderAccess.MoneyForbidden;
        var amount = req.Amount!.Value;

        await using var tx = await db.BeginTransactionAsync(ct);
        var found = await StaffOrderAccess.FindAsync(db, req.OrderId, caller, ct, lockRow: true);
        if (found.IsError) return found.Errors;
        var order = found.Value;
        if (order.CustomerId is not { } customerId)
            return Error.Conflict("Order.NoCustomer", "store credit needs an order linked to a registered customer");
        if (order.Status == "cancelled") return Error.Conflict("Order.Cancelled", "credit cannot be applied to a cancelled order");
        var balance = order.TotalAmount - order.AmountPaid;
        if (amount > balance)
            return Error.Conflict("Order.CreditExceedsBalance", $"the order's balance is {Math.Max(0, balance):0.00}",
                new Dictionary<string, object> { ["balance"] = Math.Max(0, balance) });

        var entry = await StoreCredit.ApplyAsync(db, customerId, amount, "order_applied", order.Id, caller.ActorKind, caller.Id,
            $"applied to order {order.OrderNumber}", ct);
        if (entry.IsError) return entry.Errors;
        var due = (await db.QueryToListAsync<decimal>(ApplySql, new
        {
            Id = order.Id, CustomerId = customerId, Amount = amount, Actor = caller.Label, ActorKind = caller.ActorKind, ActorId = caller.Id,
            PreviousStatus = order.PaymentStatus,
        }, ct)).Single();
        await tx.CommitAsync(ct);
        return new Response(true, amount, Math.Max(0, due), entry.Value.BalanceAfter, entry.Value);
    }
}
