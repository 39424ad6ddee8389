using System.Text.Json;
using Api.Features.AdPriority.Catalog;
using Api.Features.AdPriority.Scoring;
using Api.Infrastructure.Database;
using Api.Infrastructure.Jobs;
using Api.Infrastructure.Tenancy;
using LinqToDB.Data;

namespace Api.Features.AdPriority.Webhooks.Process;

/// <summary>
/// The work behind a webhook, in the tenant's transaction: products/create|update upsert the product and rescore it (only
/// changed scores are written); products/delete soft-deletes the product and its variants; app/uninstalled marks the tenant,
/// drops its token and schedules the purge 48 hours later (<c>AdPriorityPurgeUninstalled</c>).
/// </summary>
sealed class Job(AppDb db, TenantContext tenant, Recalculator recalculator) : IJobHandler
{
    public const string Type = "adpriority.webhook";
    public sealed record Payload(string Topic, string WebhookId, string Body);

    public async Task<object?> RunAsync(JobRun job, CancellationToken ct)
    {
        var p = job.PayloadAs<Payload>();
        var tenantId = Guid.Parse(tenant.Id!);
        using var doc = JsonDocument.Parse(p.Body);
        await using var tx = await db.BeginTenantAsync(ct);
        object result;
        switch (p.Topic)
        {
            case "products/create" or "products/update":
                var ids = await ProductUpsert.UpsertAsync(db, tenantId, [doc.RootElement], ct);
                var r = ids.Count == 0 || await Tenant.GetAsync(db, tenantId, ct) is not { } t ? null
                    : await recalculator.RunAsync(t, new RecalcScope(ProductIds: ids), ct);
                result = new { products = ids.Count, rescored = r?.Written ?? 0 };
                break;
            case "products/delete":
                var shopifyId = doc.RootElement.TryGetProperty("id", out var idEl) && idEl.TryGetInt64(out var sid) ? sid : 0;
                var deleted = await db.ExecuteAsync("""
                    with p as (
                        update adpriority.products set deleted_at = now(), updated_at = now()
                         where tenant_id = @TenantId and shopify_product_id = @ShopifyId and deleted_at is null returning id)
                    update adpriority.variants v set deleted_at = now(), updated_at = now() from p where v.product_id = p.id and v.tenant_id = @TenantId
                    """, new { TenantId = tenantId, ShopifyId = shopifyId }, ct);
                result = new { variantsDeleted = deleted };
                break;
            case "app/uninstalled":
                await db.ExecuteAsync("""
                    update adpriority.tenants set status = 'uninstalled', uninstalled_at = now(), delete_after = now() + interval '48 hours',
                           access_token_enc = null, billing_status = case when billing_status = 'active' then 'cancelled' else billing_status end, updated_at = now()
                     where id = @TenantId
                    """, new { TenantId = tenantId }, ct);
                result = new { uninstalled = true, purgeAfterHours = 48 };
                break;
            default:
                result = new { ignored = p.Topic };
                break;
        }
        await tx.CommitAsync(ct);
        return result;
    }
}
