using System.Security.Cryptography;
using Api.Infrastructure.Auth;
using Api.Infrastructure.Database;
using LinqToDB.Data;

namespace Api.Features.AdPriority.Webhooks;

/// <summary>
/// The common front of every Shopify webhook and GDPR endpoint: read the raw body (max 1 MB), verify
/// <c>X-Shopify-Hmac-SHA256</c> over it before any parsing, and record the delivery so a replay (same
/// <c>X-Shopify-Webhook-Id</c>, or the same topic + body when the id is missing) is recognised. The id header is not
/// signed, so a delivery with the same shop, topic and body hash within <see cref="ReplayWindow"/> is a replay too,
/// whatever its id (issue 17 §6).
/// </summary>
public static class WebhookIntake
{
    public const int MaxBody = 1 << 20;
    /// <summary>Shopify retries a failed delivery for up to 48 hours; the same signed body within that time is the same delivery.</summary>
    public static readonly TimeSpan ReplayWindow = TimeSpan.FromHours(48);

    public sealed record Delivery(byte[] Body, string? Shop, string WebhookId, Guid? TenantId)
    {
        public string BodyHash { get; } = Convert.ToHexString(SHA256.HashData(Body)).ToLowerInvariant();
    }

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

    /// <summary>
    /// Records the delivery; false when it was seen before (a replay): the same webhook id, or the same shop, topic and body
    /// hash within <see cref="ReplayWindow"/>. An advisory lock on the hash serialises two concurrent copies of one body.
    /// </summary>
    public static async Task<bool> FirstDeliveryAsync(DataConnection db, Delivery d, string topic, CancellationToken ct)
    {
        var args = new { Id = d.WebhookId, Shop = d.Shop ?? "", Topic = topic, Hash = d.BodyHash, Window = ReplayWindow };
        await db.ExecuteAsync("select pg_advisory_xact_lock(hashtextextended(@Shop || '|' || @Topic || '|' || @Hash, 17))", args, ct);
        return await db.ExecuteAsync("""
            insert into adpriority.webhook_deliveries (webhook_id, shop_domain, topic, body_hash)
            select @Id, @Shop, @Topic, @Hash
             where not exists (select 1 from adpriority.webhook_deliveries w
                                where w.shop_domain = @Shop and w.topic = @Topic and w.body_hash = @Hash and w.received_at > now() - @Window)
            on conflict do nothing
            """, args, ct) == 1;
    }

    public static async Task<Guid?> TenantOfAsync(DataConnection db, string? shop, CancellationToken ct) =>
        shop is null ? null : (await db.QueryToListAsync<Guid>("select id from adpriority.tenants where shop_domain = @Shop", new { Shop = shop }, ct)) is [var id] ? id : null;
}
