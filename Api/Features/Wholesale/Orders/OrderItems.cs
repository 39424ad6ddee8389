using System.Globalization;
using System.Text.Json.Serialization;
using Api.Infrastructure.Database;
using Api.Infrastructure.RateLimiting;
using ErrorOr;
using LinqToDB.Data;

namespace Api.Features.Wholesale.Orders;

/// <summary>An order line as the document shows it (product snapshot, price, bulk flag, line total).</summary>
sealed record OrderItemView
{
    [JsonIgnore] public long OrderId { get; init; }
    public long? ProductId { get; init; }
    public string ProductName { get; init; } = "";
    public string? ProductSku { get; init; }
    public string? ProductBrand { get; init; }
    public string? ProductUnitSize { get; init; }
    public int Quantity { get; init; }
    public decimal UnitPrice { get; init; }
    public bool IsBulkPrice { get; init; }
    public decimal LineTotal { get; init; }
}

/// <summary>The lines of several orders in one query (the order lists and the single-order views).</summary>
static class OrderItems
{
    static readonly string ItemsSql = Sql.Load(typeof(OrderItems), "OrderItems.sql");

    public static async Task<ILookup<long, OrderItemView>> LoadAsync(AppDb db, long[] orderIds, CancellationToken ct) =>
        orderIds.Length == 0 ? Array.Empty<OrderItemView>().ToLookup(i => i.OrderId)
            : (await db.QueryToListAsync<OrderItemView>(ItemsSql, new { Ids = orderIds }, ct)).ToLookup(i => i.OrderId);
}

/// <summary>
/// The signed-out tracking views share <see cref="WholesaleModule.Tracking"/> (20/min per client address). Slices that are
/// also used signed in apply it only to signed-out callers, with the same headers and 429 as the rate-limit middleware.
/// </summary>
static class TrackingLimit
{
    public static async ValueTask<ErrorOr<Success>> CheckAsync(HttpContext ctx, RateLimits limits)
    {
        if (limits.Find(WholesaleModule.Tracking) is not { } policy) return Result.Success;
        var (lease, remaining, reset) = await limits.AcquireAsync(policy, RateLimits.PartitionOf(ctx), ctx.RequestAborted);
        using (lease)
        {
            var headers = ctx.Response.Headers;
            headers["X-RateLimit-Limit"] = policy.PermitLimit.ToString(CultureInfo.InvariantCulture);
            headers["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
            if (lease.IsAcquired) return Result.Success;
            headers.RetryAfter = Math.Max(1, (int)Math.Ceiling((reset - DateTimeOffset.UtcNow).TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return Error.Custom(429, "RATE_LIMITED", "Rate limit exceeded");
        }
    }
}
