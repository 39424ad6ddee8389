using System.Security.Cryptography;
using Api.Infrastructure.Auth;
using Api.Infrastructure.Database;
using LinqToDB.Data;

namespace Api.Features.AdPriority.Webhooks;

/// <summary>
/// The common front of every Shopify webhook and GDPR endpoint: read the raw body (max 1 MB), verify
/// <c>X-Shopify-Hmac-SHA256</c> over it before any parsing, and record the delivery so a replay (same
/// <c>X-Shopify-Webhook-Id</c>, or the same topic + body when the id is missing) is recognised.
/// </summary>
public static class WebhookIntake
{
    public const int MaxBody = 1 << 20;

    public sealed record Delivery(byte[] Body, string? Shop, string WebhookId, Guid? TenantId);

    /// <summary>Null when the signature is missing or wrong (the caller answers a bare 401).</summary>
    public static async Task<Delivery?> ReadVerifiedAsync(HttpContext ctx, Secrets secrets, string topic, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        int n;
        while ((n = await ctx.Request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + n > MaxBody) return null;
            buffer.Write(chunk, 0, n);
        }
        var body = buffer.ToArray();
        if (!AdPriorityAuth.VerifyWebhook(secrets.Get(AdPriorityAuth.ApiSecretSetting), body, ctx.Request.Headers["X-Shopify-Hmac-SHA256"]))
            return null;
        var shop = AdPriorityAuth.NormalizeShop(ctx.Request.Headers["X-Shopify-Shop-Domain"]);
        string? header = ctx.Request.Headers["X-Shopify-Webhook-Id"];
        var id = header is { Length: > 0 and <= 200 } ? header : "sha256:" + Convert.ToHexString(SHA256.HashData([.. System.Text.Encoding.UTF8.GetBytes(topic + "\n"), .. body]));
        return new Delivery(body, shop, id, null);
    }

    /// <summary>Records the delivery; false when it was seen before (a replay).</summary>
    public static async Task<bool> FirstDeliveryAsync(DataConnection db, Delivery d, string topic, CancellationToken ct) =>
        await db.ExecuteAsync("""
            insert into adpriority.webhook_deliveries (webhook_id, shop_domain, topic) values (@Id, @Shop, @Topic) on conflict do nothing
            """, new { Id = d.WebhookId, Shop = d.Shop ?? "", Topic = topic }, ct) == 1;

    public static async Task<Guid?> TenantOfAsync(DataConnection db, string? shop, CancellationToken ct) =>
        shop is null ? null : (await db.QueryToListAsync<Guid>("select id from adpriority.tenants where shop_domain = @Shop", new { Shop = shop }, ct)) is [var id] ? id : null;
}
