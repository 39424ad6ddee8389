using System.Text.Json.Serialization;
using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;

namespace Api.Features.Wholesale.ShippingOrders;

/// <summary>
/// The shipping portal's order object: who it goes to, what is in it, where it stands (status, who moved it last and when,
/// tracking, carrier, label count, shipping cost) and whether it is cleared for picking (<see cref="ReadyToPick"/>).
/// </summary>
sealed record ShipOrder
{
    public long Id { get; init; }
    public string OrderNumber { get; init; } = "";
    public long? UserId { get; init; }
    public string Status { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public string? DeliveryName { get; init; }
    public string? DeliveryCompany { get; init; }
    public string? DeliveryAddress { get; init; }
    public string? DeliveryCity { get; init; }
    public string? DeliveryState { get; init; }
    public string? DeliveryZip { get; init; }
    public string? DeliveryPhone { get; init; }
    public string? DeliveryEmail { get; init; }
    public string? SpecialNotes { get; init; }
    public string PaymentMethod { get; init; } = "";
    public string PaymentStatus { get; init; } = "";
    public bool NeedsReview { get; init; }
    public bool ReadyToPick { get; init; }
    public decimal TotalAmount { get; init; }
    public decimal ShippingCost { get; init; }
    public string? TrackingNumber { get; init; }
    public string? Carrier { get; init; }
    public int ItemCount { get; init; }
    public int LabelCount { get; init; }
    public DateTimeOffset StatusChangedAt { get; init; }
    public string? StatusChangedBy { get; init; }
    public List<ShipLine>? Items { get; init; }
}

/// <summary>An order line as the warehouse sees it.</summary>
sealed record ShipLine
{
    [JsonIgnore] public long OrderId { get; init; }
    public long? ProductId { get; init; }
    public string ProductName { get; init; } = "";
    public string? ProductSku { get; init; }
    public string? ProductBrand { get; init; }
    public string? ProductUnitSize { get; init; }
    public int Quantity { get; init; }
    public decimal UnitPrice { get; init; }
    public decimal LineTotal { get; init; }
}

/// <summary>Loading orders and moving them through the core's state machine (<c>wholesale.set_order_status</c> only).</summary>
static class ShipOrders
{
    static readonly string OrderSql = Sql.Load(typeof(ShipOrders), "ShipOrder.sql");
    static readonly string LinesSql = Sql.Load(typeof(ShipOrders), "ShipLines.sql");

    public static readonly Error NotFound = Error.NotFound("Order.NotFound", "Order not found");

    public static async Task<ShipOrder?> LoadAsync(AppDb db, string orderNumber, CancellationToken ct, bool forUpdate = false)
    {
        if (!OrderNumbers.Plausible(orderNumber)) return null;
        if (forUpdate)
            await db.ExecuteAsync("select 1 from wholesale.orders where order_number = @orderNumber for update", new { orderNumber }, ct);
        if (await db.QueryToListAsync<ShipOrder>(OrderSql, new { OrderNumber = orderNumber }, ct) is not [var order]) return null;
        var lines = await db.QueryToListAsync<ShipLine>(LinesSql, new { Ids = new[] { order.Id } }, ct);
        return order with { Items = lines };
    }

    /// <summary>One move through the core's function; null when the move is not allowed (the caller answers 409).</summary>
    public static async Task<string?> MoveAsync(AppDb db, long orderId, string to, string actorKind, long? actorId, string reason, CancellationToken ct) =>
        (await db.QueryToListAsync<string?>("select wholesale.set_order_status(@orderId, @to, @actorKind, @actorId, @reason)",
            new { orderId, to, actorKind, actorId, reason }, ct)).Single();

    public static Error BadMove(ShipOrder order, string action, string to) =>
        Error.Conflict("Order.InvalidTransition", $"Order {order.OrderNumber} is {order.Status}; it cannot be {action}",
            new Dictionary<string, object> { ["status"] = order.Status, ["to"] = to });

    /// <summary>The tracking numbers held in the order's <c>tracking_number</c> (several labels: comma-separated).</summary>
    public static List<string> Numbers(string? tracking) =>
        (tracking ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
}
