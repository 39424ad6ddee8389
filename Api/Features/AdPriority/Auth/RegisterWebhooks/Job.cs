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
    public sealed record Payload(string Shop);

    public async Task<object?> RunAsync(JobRun job, CancellationToken ct)
    {
        var tenantId = Guid.Parse(job.TenantId!);
        var enc = await db.QueryToListAsync<string?>("select access_token_enc from adpriority.tenants where id = @Id and status <> 'uninstalled'", new { Id = tenantId }, ct);
        if (enc is not [{ } cipher]) return new { skipped = "not installed" };
        var token = box.Decrypt(cipher, Tenant.TokenAssociatedData(tenantId));
        var shop = job.PayloadAs<Payload>().Shop;
        foreach (var topic in AppUrls.WebhookTopics)
            await shopify.RegisterWebhookAsync(shop, token, topic, $"{AppUrls.Root(config)}/webhooks/shopify/{topic}", ct);
        return new { registered = AppUrls.WebhookTopics };
    }
}
