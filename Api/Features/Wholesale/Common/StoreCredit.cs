using ErrorOr;
using LinqToDB.Data;

namespace Api.Features.Wholesale.Common;

/// <summary>
/// Store credit: <c>customers.store_credit</c> is the balance (check &gt;= 0) and <c>wholesale.store_credit_ledger</c> the
/// history with who and why. Every change is ONE statement that moves the balance only when it stays at or above zero and
/// writes the ledger row with the balance after it, so the two never disagree and concurrent changes cannot overdraw.
/// Call it inside the caller's transaction when the change belongs with other writes (an order's balance, a refund).
/// Errors: <c>StoreCredit.CustomerNotFound</c> (404), <c>StoreCredit.Insufficient</c> (409), <c>StoreCredit.ZeroAmount</c> (400).
/// </summary>
static class StoreCredit
{
    /// <summary>One ledger row as the documented <c>transaction</c> / <c>history</c> entries show it.</summary>
    public sealed record Entry(long Id, long CustomerId, decimal Amount, decimal BalanceAfter, string Reason, long? OrderId,
        string ActorKind, long? ActorId, string? Note, DateTimeOffset CreatedAt)
    {
        /// <summary>credit when money was added, debit when taken.</summary>
        public string Type => Amount > 0 ? "credit" : "debit";
    }

    const string ChangeSql = """
        with c as (
            update wholesale.customers
               set store_credit = store_credit + @Delta, updated_at = now()
             where id = @CustomerId and deleted_at is null and store_credit + @Delta >= 0
            returning id, store_credit
        )
        insert into wholesale.store_credit_ledger (customer_id, amount, balance_after, reason, order_id, actor_kind, actor_id, note)
        select c.id, @Delta, c.store_credit, @Reason, @OrderId, @ActorKind, @ActorId, @Note from c
        returning id as "Id", customer_id as "CustomerId", amount as "Amount", balance_after as "BalanceAfter", reason as "Reason",
                  order_id as "OrderId", actor_kind as "ActorKind", actor_id as "ActorId", note as "Note", created_at as "CreatedAt"
        """;

    const string BalanceSql = "select store_credit from wholesale.customers where id = @CustomerId and deleted_at is null";

    const string HistorySql = """
        select id as "Id", customer_id as "CustomerId", amount as "Amount", balance_after as "BalanceAfter", reason as "Reason",
               order_id as "OrderId", actor_kind as "ActorKind", actor_id as "ActorId", note as "Note", created_at as "CreatedAt"
        from wholesale.store_credit_ledger
        where customer_id = @CustomerId
        order by created_at desc, id desc
        limit @Limit
        """;

    /// <summary>Adds (positive) or takes (negative) credit. Amounts are rounded to cents.</summary>
    public static async Task<ErrorOr<Entry>> ChangeAsync(DataConnection db, long customerId, decimal delta, string reason, long? orderId,
        string actorKind, long? actorId, string? note, CancellationToken ct)
    {
        delta = Money.Round(delta);
        if (delta == 0) return Error.Validation("StoreCredit.ZeroAmount", "amount must not be zero", new Dictionary<string, object> { ["field"] = "amount" });
        var rows = await db.QueryToListAsync<Entry>(ChangeSql, new
        {
            CustomerId = customerId, Delta = delta, Reason = reason, OrderId = orderId, ActorKind = actorKind, ActorId = actorId, Note = note,
        }, ct);
        if (rows is [var entry]) return entry;
        var balance = await BalanceAsync(db, customerId, ct);
        if (balance is null) return Error.NotFound("StoreCredit.CustomerNotFound", "customer not found");
        return Error.Conflict("StoreCredit.Insufficient", $"store credit of {balance:0.00} cannot cover {-delta:0.00}",
            new Dictionary<string, object> { ["credit_balance"] = balance.Value });
    }

    public static Task<ErrorOr<Entry>> IssueAsync(DataConnection db, long customerId, decimal amount, string reason, long? orderId,
        string actorKind, long? actorId, string? note, CancellationToken ct)
        => ChangeAsync(db, customerId, Math.Abs(amount), reason, orderId, actorKind, actorId, note, ct);

    /// <summary>Spends credit (for an order's balance): fails with 409 rather than going below zero.</summary>
    public static Task<ErrorOr<Entry>> ApplyAsync(DataConnection db, long customerId, decimal amount, string reason, long? orderId,
        string actorKind, long? actorId, string? note, CancellationToken ct)
        => ChangeAsync(db, customerId, -Math.Abs(amount), reason, orderId, actorKind, actorId, note, ct);

    /// <summary>The balance, or null when the customer does not exist (or was deleted).</summary>
    public static async Task<decimal?> BalanceAsync(DataConnection db, long customerId, CancellationToken ct)
    {
        var rows = await db.QueryToListAsync<decimal>(BalanceSql, new { CustomerId = customerId }, ct);
        return rows is [var b] ? b : null;
    }

    /// <summary>Newest first.</summary>
    public static Task<List<Entry>> HistoryAsync(DataConnection db, long customerId, int limit, CancellationToken ct)
        => db.QueryToListAsync<Entry>(HistorySql, new { CustomerId = customerId, Limit = limit }, ct);
}
