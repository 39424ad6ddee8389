using System.Text.Json.Serialization;
using ErrorOr;
using LinqToDB.Data;
using Stripe;

namespace Api.Features.Wholesale.Common;

/// <summary>
/// Cancels an order for any slice (staff status change, sales, voice):
/// <list type="number">
/// <item><see cref="CancelAsync"/> (inside the caller's transaction, or its own when none is open): the core's state machine
/// (<c>wholesale.set_order_status</c>, which locks the order and writes the status event with who and why; a move it refuses
/// is 409 <c>Order.InvalidTransition</c>, an unknown or deleted order 404), <c>cancelled_at</c>, the reserved stock of tracked
/// products put back with an <c>order_released</c> ledger row each (a unique index makes that happen once per order and
/// product, whoever cancels or deletes), and one <c>order_refunds</c> row per succeeded Stripe payment (unique per payment,
/// idempotency key <c>wholesale-refund-{payment id}</c>).</item>
/// <item><see cref="RefundAsync"/> AFTER the commit (never hold a transaction over a network call): sends each pending or
/// failed refund to Stripe with its idempotency key, so a retry never refunds twice. Success marks the payment
/// <c>refunded</c> and the order <c>payment_status = refunded</c>; a failure keeps the cancellation, sets
/// <c>refund_failed</c> + <c>needs_review</c> with the reason, and is retried by calling <see cref="RefundAsync"/> again.</item>
/// </list>
/// <see cref="CancelAndRefundAsync"/> does both when the caller has nothing else to write.
/// </summary>
static class OrderCancellation
{
    /// <summary>The documented <c>refund</c> object: refund_id (comma-joined when several payments), amount, status
    /// (<c>succeeded</c>, <c>failed</c>, <c>pending</c>), error.</summary>
    public sealed record Refund(
        [property: JsonPropertyName("refund_id")] string? RefundId,
        [property: JsonPropertyName("amount")] decimal Amount,
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("error")] string? Error);

    public sealed record Cancelled(long OrderId, string PreviousStatus, int ProductsRestocked, int RefundsQueued);

    const string StatusSql = "select wholesale.set_order_status(@OrderId, 'cancelled', @ActorKind, @ActorId, @Reason)";
    const string ExistsSql = "select status from wholesale.orders where id = @OrderId and deleted_at is null";

    const string AfterSql = """
        update wholesale.orders set cancelled_at = now() where id = @OrderId;
        """;

    // Puts back what the order reserved and has not been released yet (tracked products only), locking product rows in id order.
    const string RestockSql = """
        with reserved as (
            select l.product_id, -sum(l.delta)::int as qty
            from wholesale.inventory_ledger l
            where l.order_id = @OrderId and l.reason = 'order_reserved'
            group by l.product_id
        ), todo as (
            select r.product_id, r.qty from reserved r
            where r.qty > 0 and not exists (select from wholesale.inventory_ledger x
                                            where x.order_id = @OrderId and x.product_id = r.product_id and x.reason = 'order_released')
        ), locked as materialized (
            select p.id from wholesale.products p
            where p.id in (select product_id from todo) and p.stock_quantity is not null
            order by p.id
            for no key update
        ), upd as (
            update wholesale.products p
               set stock_quantity = p.stock_quantity + t.qty, in_stock = true, updated_at = now()
              from todo t
             where p.id = t.product_id and p.id in (select id from locked)
            returning p.id, p.stock_quantity, t.qty
        ), ins as (
            insert into wholesale.inventory_ledger (product_id, delta, balance_after, reason, order_id, actor_kind, actor_id, note)
            select upd.id, upd.qty, upd.stock_quantity, 'order_released', @OrderId, @ActorKind, @ActorId, @Note from upd
            returning 1
        )
        select count(*)::int from ins
        """;

    const string QueueRefundsSql = """
        with q as (
            insert into wholesale.order_refunds (order_id, payment_id, payment_intent, amount, idempotency_key, actor_kind, actor_id)
            select p.order_id, p.id, p.stripe_payment_intent_id, p.amount, 'wholesale-refund-' || p.id, @ActorKind, @ActorId
            from wholesale.payments p
            where p.order_id = @OrderId and p.status = 'succeeded' and p.amount > 0
              and p.method in ('card', 'link') and p.stripe_payment_intent_id like 'pi\_%'
            on conflict (payment_id) do nothing
            returning 1
        )
        select count(*)::int from q
        """;

    const string OpenRefundsSql = """
        select id as "Id", payment_id as "PaymentId", payment_intent as "PaymentIntent", amount as "Amount",
               idempotency_key as "IdempotencyKey", status as "Status", stripe_refund_id as "StripeRefundId", error as "Error"
        from wholesale.order_refunds where order_id = @OrderId order by id
        """;

    const string RefundOkSql = """
        with r as (
            update wholesale.order_refunds set status = 'succeeded', stripe_refund_id = @RefundId, error = null,
                   attempts = attempts + 1, updated_at = now()
             where id = @Id and status <> 'succeeded'
            returning payment_id
        )
        update wholesale.payments p set status = 'refunded', status_changed_at = now(), status_changed_by = 'stripe'
          from r where p.id = r.payment_id
        """;

    const string RefundFailedSql = """
        update wholesale.order_refunds set status = 'failed', error = @Error, attempts = attempts + 1, updated_at = now()
         where id = @Id and status <> 'succeeded'
        """;

    // Order-level outcome after a refund run: all refunded -> payment_status refunded, flag cleared; any failure -> flagged.
    const string SettleSql = """
        with s as (
            select count(*) filter (where status <> 'succeeded') as open, count(*) as total,
                   string_agg(error, '; ') filter (where status = 'failed') as errors
            from wholesale.order_refunds where order_id = @OrderId
        ), o as (
            select id, payment_status from wholesale.orders where id = @OrderId for update
        ), u as (
            update wholesale.orders x
               set refund_failed = s.open > 0,
                   needs_review = case when s.open > 0 then true else x.needs_review end,
                   review_reason = case when s.open > 0 then 'Stripe refund failed: ' || coalesce(s.errors, 'unknown error') else x.review_reason end,
                   payment_status = case when s.open = 0 and s.total > 0 then 'refunded' else x.payment_status end,
                   payment_status_changed_at = case when s.open = 0 and s.total > 0 and x.payment_status <> 'refunded' then now() else x.payment_status_changed_at end,
                   payment_status_changed_by = case when s.open = 0 and s.total > 0 and x.payment_status <> 'refunded' then 'stripe' else x.payment_status_changed_by end,
                   updated_at = now()
              from s
             where x.id = @OrderId and s.total > 0
            returning x.id, x.payment_status
        )
        insert into wholesale.order_events (order_id, kind, from_status, to_status, actor_kind, actor_id, reason)
        select u.id, 'refund', o.payment_status, u.payment_status, @ActorKind, @ActorId, @Reason
        from u join o on o.id = u.id
        """;

    /// <summary>Step 1, in the caller's transaction (or its own when <paramref name="db"/> has none open).</summary>
    public static async Task<ErrorOr<Cancelled>> CancelAsync(DataConnection db, long orderId, string actorKind, long? actorId, string reason,
        CancellationToken ct)
    {
        var own = db.Transaction is null ? await db.BeginTransactionAsync(ct) : null;
        try
        {
            var p = new { OrderId = orderId, ActorKind = actorKind, ActorId = actorId, Reason = reason, Note = Trim(reason) };
            var previous = (await db.QueryToListAsync<string?>(StatusSql, p, ct)).SingleOrDefault();
            if (previous is null)
            {
                var current = (await db.QueryToListAsync<string>(ExistsSql, p, ct)).SingleOrDefault();
                return current is null
                    ? Error.NotFound("Order.NotFound", "order not found")
                    : Error.Conflict("Order.InvalidTransition", $"an order that is {current} cannot be cancelled",
                        new Dictionary<string, object> { ["status"] = current });
            }
            await db.ExecuteAsync(AfterSql, p, ct);
            var restocked = (await db.QueryToListAsync<int>(RestockSql, p, ct)).Single();
            var queued = (await db.QueryToListAsync<int>(QueueRefundsSql, p, ct)).Single();
            if (own is not null) await own.CommitAsync(ct);
            return new Cancelled(orderId, previous, restocked, queued);
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    /// <summary>
    /// Step 2, after the cancellation is committed: runs the order's unfinished refunds at Stripe. Null when the order has no
    /// refundable payment. Without Stripe configured the refunds fail (and stay retryable) with that reason.
    /// </summary>
    public static async Task<Refund?> RefundAsync(DataConnection db, WholesaleStripe stripe, long orderId, string actorKind, long? actorId,
        CancellationToken ct)
    {
        var rows = await db.QueryToListAsync<RefundRow>(OpenRefundsSql, new { OrderId = orderId }, ct);
        if (rows.Count == 0) return null;
        var touched = false;
        foreach (var row in rows.Where(r => r.Status != "succeeded"))
        {
            touched = true;
            if (stripe.Client is not { } client)
            {
                row.Status = "failed"; row.Error = "Stripe is not configured (Wholesale:Stripe:SecretKey)";
                await db.ExecuteAsync(RefundFailedSql, new { row.Id, row.Error }, ct);
                continue;
            }
            try
            {
                var refund = await new RefundService(client).CreateAsync(new RefundCreateOptions
                {
                    PaymentIntent = row.PaymentIntent,
                    Amount = (long)decimal.Round(row.Amount * 100m),
                    Reason = RefundReasons.RequestedByCustomer,
                    Metadata = new Dictionary<string, string> { ["order_id"] = orderId.ToString(), ["payment_id"] = row.PaymentId.ToString() },
                }, new RequestOptions { IdempotencyKey = row.IdempotencyKey }, ct);
                if (refund.Status is "failed" or "canceled")
                {
                    row.Status = "failed"; row.Error = $"Stripe refund {refund.Id} is {refund.Status}";
                    await db.ExecuteAsync(RefundFailedSql, new { row.Id, row.Error }, ct);
                }
                else
                {
                    row.Status = "succeeded"; row.StripeRefundId = refund.Id; row.Error = null;
                    await db.ExecuteAsync(RefundOkSql, new { row.Id, RefundId = refund.Id }, ct);
                }
            }
            catch (StripeException e)
            {
                row.Status = "failed"; row.Error = Trim(e.StripeError?.Message ?? e.Message);
                await db.ExecuteAsync(RefundFailedSql, new { row.Id, row.Error }, ct);
            }
            catch (HttpRequestException e)
            {
                row.Status = "failed"; row.Error = Trim("Stripe unreachable: " + e.Message);
                await db.ExecuteAsync(RefundFailedSql, new { row.Id, row.Error }, ct);
            }
        }
        if (touched)
        {
            var failed = rows.Any(r => r.Status != "succeeded");
            await db.ExecuteAsync(SettleSql, new
            {
                OrderId = orderId, ActorKind = actorKind, ActorId = actorId,
                Reason = failed ? "refund failed: " + string.Join("; ", rows.Where(r => r.Error is not null).Select(r => r.Error)) : "refunded at Stripe",
            }, ct);
        }
        var ids = rows.Where(r => r.StripeRefundId is not null).Select(r => r.StripeRefundId!).ToList();
        var errors = rows.Where(r => r.Status == "failed" && r.Error is not null).Select(r => r.Error!).ToList();
        var status = rows.All(r => r.Status == "succeeded") ? "succeeded" : rows.Any(r => r.Status == "failed") ? "failed" : "pending";
        return new Refund(ids.Count == 0 ? null : string.Join(",", ids), rows.Sum(r => r.Amount), status,
            errors.Count == 0 ? null : string.Join("; ", errors));
    }

    /// <summary>Both steps for a caller with nothing else to write: cancel in its own transaction, then refund.</summary>
    public static async Task<ErrorOr<(Cancelled Cancelled, Refund? Refund)>> CancelAndRefundAsync(DataConnection db, WholesaleStripe stripe,
        long orderId, string actorKind, long? actorId, string reason, CancellationToken ct)
    {
        var cancelled = await CancelAsync(db, orderId, actorKind, actorId, reason, ct);
        if (cancelled.IsError) return cancelled.Errors;
        var refund = await RefundAsync(db, stripe, orderId, actorKind, actorId, ct);
        return (cancelled.Value, refund);
    }

    /// <summary>Whether a cancelled order still has a refund to retry.</summary>
    public static async Task<bool> HasOpenRefundsAsync(DataConnection db, long orderId, CancellationToken ct)
        => (await db.QueryToListAsync<int>("select count(*)::int from wholesale.order_refunds where order_id = @OrderId and status <> 'succeeded'",
            new { OrderId = orderId }, ct)).Single() > 0;

    static string? Trim(string? s) => s is null ? null : s.Length <= 500 ? s : s[..500];

    sealed class RefundRow
    {
        public long Id { get; init; }
        public long PaymentId { get; init; }
        public string PaymentIntent { get; init; } = "";
        public decimal Amount { get; init; }
        public string IdempotencyKey { get; init; } = "";
        public string Status { get; set; } = "";
        public string? StripeRefundId { get; set; }
        public string? Error { get; set; }
    }
}
