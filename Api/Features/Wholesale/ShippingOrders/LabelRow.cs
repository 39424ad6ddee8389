using Api.Infrastructure.Database;
using LinqToDB.Data;

namespace Api.Features.Wholesale.ShippingOrders;

/// <summary>A label row as the void, delete and tracking slices need it.</summary>
sealed record LabelRow
{
    public long Id { get; init; }
    public long OrderId { get; init; }
    public string Provider { get; init; } = "";
    public string Carrier { get; init; } = "";
    public decimal Rate { get; init; }
    public string? TrackingNumber { get; init; }
    public string? ShipmentId { get; init; }
    public string? TrackerId { get; init; }
    public DateTimeOffset? VoidedAt { get; init; }

    public static async Task<LabelRow?> FindAsync(AppDb db, long orderId, long labelId, CancellationToken ct) =>
        (await db.QueryToListAsync<LabelRow>("""
            select id as "Id", order_id as "OrderId", provider as "Provider", carrier as "Carrier", rate as "Rate", tracking_number as "TrackingNumber",
                   shipment_id as "ShipmentId", tracker_id as "TrackerId", voided_at as "VoidedAt"
            from wholesale.shipping_labels where order_id = @orderId and id = @labelId
            """, new { orderId, labelId }, ct)).SingleOrDefault();

    /// <summary>Takes this label's tracking number and cost off the order; returns the tracking numbers left.</summary>
    public async Task<List<string>> RemoveFromOrderAsync(AppDb db, string? orderTracking, CancellationToken ct)
    {
        var remaining = ShipOrders.Numbers(orderTracking).Where(t => t != TrackingNumber).ToList();
        await db.ExecuteAsync("""
            update wholesale.orders
               set tracking_number = @Tracking, carrier = case when @Tracking is null then null else carrier end,
                   shipping_cost = greatest(0, shipping_cost - @Rate), updated_at = now()
             where id = @OrderId
            """, new { Tracking = remaining.Count == 0 ? null : string.Join(", ", remaining), Rate, OrderId }, ct);
        return remaining;
    }
}
