using Api.Infrastructure.Database;
using LinqToDB.Data;

namespace Api.Features.Wholesale.Payments;

/// <summary>
/// Records a Stripe payment against an order once (confirm and the webhook may both see the same intent): see
/// ApplyStripePayment.sql. Amounts on the wire to Stripe are integer cents of the two-decimal balance.
/// </summary>
static class StripePayments
{
    static readonly string ApplySql = Sql.Load(typeof(StripePayments), "ApplyStripePayment.sql");

    public static long Cents(decimal amount) => (long)decimal.Round(amount * 100m, 0);

    public sealed class Applied
    {
        public long OrderId { get; init; }
        public bool Done { get; init; }
        public string PaymentStatus { get; init; } = "";
        public bool Recorded { get; init; }
    }

    /// <summary>Null when the order does not exist.</summary>
    public static async Task<Applied?> ApplyAsync(AppDb db, string orderNumber, string method, decimal amount, string intentId,
        string? reference, bool exact, string actor, string reason, CancellationToken ct) =>
        (await db.QueryToListAsync<Applied>(ApplySql, new
        {
            OrderNumber = orderNumber, Method = method, Amount = amount, IntentId = intentId, Reference = reference,
            Exact = exact, Actor = actor, Reason = reason,
        }, ct)) is [var row] ? row : null;

    /// <summary>The order's payable state.</summary>
    public sealed class OrderRow
    {
        public long Id { get; init; }
        public string OrderNumber { get; init; } = "";
        public long? CustomerId { get; init; }
        public string Status { get; init; } = "";
        public string PaymentStatus { get; init; } = "";
        public decimal TotalAmount { get; init; }
        public decimal AmountPaid { get; init; }
        public string? DeliveryEmail { get; init; }
        public decimal Balance => TotalAmount - AmountPaid;
    }

    public static async Task<OrderRow?> FindOrderAsync(AppDb db, string orderNumber, CancellationToken ct) =>
        (await db.QueryToListAsync<OrderRow>("""
            select id as "Id", order_number as "OrderNumber", customer_id as "CustomerId", status as "Status", payment_status as "PaymentStatus",
                   total_amount as "TotalAmount", amount_paid as "AmountPaid", delivery_email::text as "DeliveryEmail"
            from wholesale.orders where order_number = @orderNumber and deleted_at is null
            """, new { orderNumber }, ct)) is [var o] ? o : null;
}
