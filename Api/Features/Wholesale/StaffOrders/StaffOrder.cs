using Api.Features.Wholesale.Common;
using Api.Features.Wholesale.Orders;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;

namespace Api.Features.Wholesale.StaffOrders;

/// <summary>An order as the staff portal shows it: the document's fields of the manual-create answer (the fullest one).</summary>
sealed record StaffOrder
{
    public long Id { get; init; }
    public string OrderNumber { get; init; } = "";
    public long? UserId { get; init; }
    public string Status { get; init; } = "";
    public long? SalesRepId { get; init; }
    public string? SalesRepName { get; init; }
    public string? DeliveryName { get; init; }
    public string? DeliveryFirstName { get; init; }
    public string? DeliveryLastName { get; init; }
    public string? DeliveryEmail { get; init; }
    public string? DeliveryCompany { get; init; }
    public string? DeliveryAddress { get; init; }
    public string? DeliveryCity { get; init; }
    public string? DeliveryState { get; init; }
    public string? DeliveryZip { get; init; }
    public string? DeliveryPhone { get; init; }
    public string? SpecialNotes { get; init; }
    public decimal Subtotal { get; init; }
    public decimal DiscountAmount { get; init; }
    public decimal DeliveryFee { get; init; }
    public decimal TotalAmount { get; init; }
    public decimal AmountPaid { get; init; }
    public string PaymentMethod { get; init; } = "";
    public string PaymentStatus { get; init; } = "";
    public string? StaffNotes { get; init; }
    public string? AssignedTo { get; init; }
    public string? TrackingNumber { get; init; }
    public bool NeedsReview { get; init; }
    public bool RefundFailed { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ConfirmedAt { get; init; }
    public DateTimeOffset? ShippedAt { get; init; }
    public DateTimeOffset? DeliveredAt { get; init; }
    public List<OrderItemView> Items { get; set; } = [];

    static readonly string OneSql = Sql.Load(typeof(StaffOrder), "StaffOrder.sql");

    /// <summary>One live order with its lines, or null.</summary>
    public static async Task<StaffOrder?> LoadAsync(AppDb db, long id, CancellationToken ct)
    {
        if ((await db.QueryToListAsync<StaffOrder>(OneSql, new { Id = id }, ct)).SingleOrDefault() is not { } order) return null;
        order.Items = (await OrderItems.LoadAsync(db, [id], ct))[id].ToList();
        return order;
    }
}

/// <summary>
/// The staff role rules of the order routes: a sales rep sees only orders attributed to them (any other order is 404, as if it
/// did not exist) and cannot move money (403 <c>Staff.SalesRepCannotMoveMoney</c>).
/// </summary>
static class StaffOrderAccess
{
    public static bool IsSalesRep(Caller caller) => caller.Role == "sales_rep";

    public static readonly Error MoneyForbidden = Error.Forbidden("Staff.SalesRepCannotMoveMoney", "Sales reps cannot move money (mark paid, credit, check review, cancelling a paid order)");
    public static readonly Error NotFound = Error.NotFound("Order.NotFound", "Order not found");

    public sealed class Head
    {
        public long Id { get; init; }
        public string OrderNumber { get; init; } = "";
        public long? CustomerId { get; init; }
        public long? SalesRepId { get; init; }
        public string Status { get; init; } = "";
        public string PaymentStatus { get; init; } = "";
        public string PaymentMethod { get; init; } = "";
        public decimal TotalAmount { get; init; }
        public decimal AmountPaid { get; init; }
        public string? StaffNotes { get; init; }
    }

    const string HeadSql = """
        select id as "Id", order_number as "OrderNumber", customer_id as "CustomerId", sales_rep_id as "SalesRepId", status as "Status",
               payment_status as "PaymentStatus", payment_method as "PaymentMethod", total_amount as "TotalAmount", amount_paid as "AmountPaid",
               staff_notes as "StaffNotes"
        from wholesale.orders where id = @Id and deleted_at is null
        """;

    /// <summary>The order's head row, locked for the caller's transaction when <paramref name="lockRow"/>; 404 when missing or not the rep's.</summary>
    public static async Task<ErrorOr<Head>> FindAsync(AppDb db, long id, Caller caller, CancellationToken ct, bool lockRow = false)
    {
        var rows = await db.QueryToListAsync<Head>(lockRow ? HeadSql + " for update" : HeadSql, new { Id = id }, ct);
        if (rows is not [var head]) return NotFound;
        if (IsSalesRep(caller) && head.SalesRepId != caller.Id) return NotFound;
        return head;
    }
}
