namespace Api.Features.Wholesale.Orders;

/// <summary>
/// An order in the customer's list and in the single-order view: the document's fields (id, order_number, user_id, status,
/// created_at, total_amount, delivery_name, item_count, tracking_number, carrier, items) plus payment_status and payment_method.
/// </summary>
sealed record OrderSummary
{
    public long Id { get; init; }
    public string OrderNumber { get; init; } = "";
    public long? UserId { get; init; }
    public string Status { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public decimal TotalAmount { get; init; }
    public string? DeliveryName { get; init; }
    public int ItemCount { get; init; }
    public string? TrackingNumber { get; init; }
    public string? Carrier { get; init; }
    public string PaymentStatus { get; init; } = "";
    public string PaymentMethod { get; init; } = "";
    public List<OrderItemView> Items { get; init; } = [];
}
