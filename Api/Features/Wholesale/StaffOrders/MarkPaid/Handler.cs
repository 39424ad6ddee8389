using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.StaffOrders.MarkPaid;

/// <summary>
/// One transaction: the order locked, the payment recorded, and any excess over the balance added to the customer's store
/// credit (ledger reason <c>overpayment</c>). A cancelled or fully paid order is 409; an excess on a guest order (no customer to
/// credit) is 409 too, nothing written.
/// </summary>
sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string PaySql = Sql.Load<Handler>("Pay.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var caller = req.Caller;
        if (StaffOrderAccess.IsSalesRep(caller)) return StaffOrderAccess.MoneyForbidden;
        var method = (req.PaymentMethod?.Trim().ToLowerInvariant() ?? "cash") switch { "" => "cash", "credit_card" => "card", var m => m };

        await using var tx = await db.BeginTransactionAsync(ct);
        var found = await StaffOrderAccess.FindAsync(db, req.OrderId, caller, ct, lockRow: true);
        if (found.IsError) return found.Errors;
        var order = found.Value;
        if (order.Status == "cancelled") return Error.Conflict("Order.Cancelled", "a cancelled order cannot be marked paid");
        var balance = order.TotalAmount - order.AmountPaid;
        if (balance <= 0) return Error.Conflict("Order.AlreadyPaid", "the order is already paid",
            new Dictionary<string, object> { ["payment_status"] = order.PaymentStatus });

        var received = req.AmountReceived is > 0 ? req.AmountReceived.Value : balance;
        var applied = Math.Min(received, balance);
        var excess = received - applied;
        if (excess > 0 && order.CustomerId is null)
            return Error.Conflict("Order.NoCustomerForCredit",
                $"{excess:0.00} more than the balance was received, but a guest order has no account to credit it to");

        var note = string.IsNullOrWhiteSpace(req.Note) ? null : req.Note.Trim();
        var reason = $"marked paid: {received:0.00} by {method}" + (excess > 0 ? $", {excess:0.00} to store credit" : "") + (note is null ? "" : $" ({note})");
        var rows = await db.QueryToListAsync<Response.OrderView>(PaySql, new
        {
            Id = order.Id, order.CustomerId, Method = method, Received = received, Applied = applied, Note = note,
            Actor = caller.Label, ActorKind = caller.ActorKind, ActorId = caller.Id, PreviousStatus = order.PaymentStatus, Reason = reason,
        }, ct);
        if (excess > 0)
        {
            var credited = await StoreCredit.IssueAsync(db, order.CustomerId!.Value, excess, "overpayment", order.Id, caller.ActorKind, caller.Id,
                $"overpayment on order {order.OrderNumber}", ct);
            if (credited.IsError) return credited.Errors;
        }
        await tx.CommitAsync(ct);
        return new Response(true, rows.Single(), excess);
    }
}
