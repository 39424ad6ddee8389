using Api.Infrastructure.Database;
using Api.Infrastructure.Integrations.Shopify;
using Api.Infrastructure.Jobs;
using Api.Infrastructure.Security;
using LinqToDB.Data;

namespace Api.Features.AdPriority.Auth.RegisterWebhooks;

/// <summary>After install: registers the four product/app webhooks with the shop (retried with backoff by the job queue).</summary>
sealed class Job(AppDb db, ShopifyClient shopify, SecretBox box, IConfiguration config) : IJobHandler
{
    public const string Type = "adpriority.register-webhooks";
    /// <summary><c>Root</c>: the app's public address when the install ran (configured, else the callback request's host).</summary>
    public sealed record Payload(string Shop, string? Root = null);

    public async Task<object?> RunAsync(JobRun job, CancellationToken ct)
    {
        var tenantId = Guid.Parse(job.TenantId!);
        var enc = await db.QueryToListAsync<string?>("select access_token_enc from adpriority.tenants where id = @Id and status <> 'uninstalled'", new { Id = tenantId }, ct);
        if (enc is not [{ } cipher]) return new { skipped = "not installed" };
        var token = box.Decrypt(cipher, Tenant.TokenAssociatedData(tenantId));
        var payload = job.PayloadAs<Payload>();
        var (shop, root) = (payload.Shop, payload.Root ?? AppUrls.Root(config, null));
        foreach (var topic in AppUrls.WebhookTopics)
            await shopify.RegisterWebhookAsync(shop, token, topic, $"{root}/webhooks/shopify/{topic}", ct);
        return new { registered = AppUrls.WebhookTopics };
    }
}
