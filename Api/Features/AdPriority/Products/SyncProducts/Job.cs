using System.Text.Json;
using Api.Features.AdPriority.Catalog;
using Api.Features.AdPriority.Scoring;
using Api.Infrastructure.Database;
using Api.Infrastructure.Integrations.Shopify;
using Api.Infrastructure.Jobs;
using Api.Infrastructure.Security;
using Api.Infrastructure.Tenancy;
using LinqToDB.Data;

namespace Api.Features.AdPriority.Products.SyncProducts;

/// <summary>
/// Pages the shop's products from the Admin API (250 per page, cursor pagination, rate limits respected by the client) and upserts
/// each page; a full sync soft-deletes products Shopify no longer has; the plan's <c>maxProducts</c> caps the import. Then rescores
/// what was written and closes the sync log. Incremental: products updated since <c>since</c>, else since the last sync.
/// </summary>
sealed class Job(AppDb db, TenantContext tenant, ShopifyClient shopify, SecretBox box, Recalculator recalculator, TimeProvider clock) : IJobHandler
{
    public const string Type = "adpriority.products.sync";
    public sealed record Payload(Guid SyncLogId, string Mode, DateTime? Since);

    public async Task<object?> RunAsync(JobRun job, CancellationToken ct)
    {
        var p = job.PayloadAs<Payload>();
        var tenantId = Guid.Parse(tenant.Id!);
        var startedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            var t = await Tenant.GetAsync(db, tenantId, ct) ?? throw new InvalidOperationException("tenant not installed");
            var enc = await db.QueryToListAsync<string?>("select access_token_enc from adpriority.tenants where id = @Id", new { Id = tenantId }, ct);
            if (enc is not [{ } cipher]) throw new InvalidOperationException("shop has no access token (reinstall the app)");
            var token = box.Decrypt(cipher, Tenant.TokenAssociatedData(tenantId));
            DateTime? since = p.Mode == "full" ? null : p.Since ?? t.LastShopifySyncAt;
            var max = t.Plan.MaxProducts;
            var written = new List<Guid>();
            var seen = new HashSet<long>();
            var errors = new List<string>();
            string? cursor = null;
            do
            {
                var page = await shopify.GetProductsAsync(t.ShopDomain, token, cursor, since, ct);
                cursor = page.NextPageInfo;
                var items = page.Products.ToList();
                if (max is { } m && seen.Count + items.Count > m)
                {
                    errors.Add($"PLAN_LIMIT: the {t.PlanTier} plan syncs at most {m} products; the rest were skipped");
                    items = items.Take(Math.Max(0, m - seen.Count)).ToList();
                    cursor = null;
                }
                foreach (var i in items) if (i.TryGetProperty("id", out var id) && id.TryGetInt64(out var n)) seen.Add(n);
                await using var tx = await db.BeginTenantAsync(ct);
                written.AddRange(await ProductUpsert.UpsertAsync(db, tenantId, items, ct));
                await tx.CommitAsync(ct);
                await job.ReportAsync(seen.Count, null, $"synced {seen.Count} products", ct);
            } while (cursor is not null);

            await using (var tx = await db.BeginTenantAsync(ct))
            {
                if (p.Mode == "full" && errors.Count == 0)
                    await db.ExecuteAsync("""
                        with gone as (update adpriority.products set deleted_at = now(), updated_at = now()
                                       where tenant_id = @TenantId and deleted_at is null and not (shopify_product_id = any(@Seen)) returning id)
                        update adpriority.variants v set deleted_at = now() from gone where v.product_id = gone.id and v.tenant_id = @TenantId
                        """, new { TenantId = tenantId, Seen = seen.ToArray() }, ct);
                var r = await recalculator.RunAsync(t, new RecalcScope(ProductIds: p.Mode == "full" ? null : written), ct);
                await db.ExecuteAsync("""
                    update adpriority.sync_logs set status = 'completed', products_synced = @Count, errors = cast(@Errors as jsonb), completed_at = now()
                     where id = @Id and tenant_id = @TenantId;
                    update adpriority.tenants set last_shopify_sync_at = @StartedAt where id = @TenantId;
                    """, new { Count = seen.Count, Errors = JsonSerializer.Serialize(errors), Id = p.SyncLogId, TenantId = tenantId, StartedAt = startedAt }, ct);
                await tx.CommitAsync(ct);
                return new { products = seen.Count, rescored = r.Written, errors };
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await using var tx = await db.BeginTenantAsync(CancellationToken.None);
            await db.ExecuteAsync($"""
                update adpriority.sync_logs set errors = errors || jsonb_build_array(cast(@Error as text)){(job.Attempt >= 3 ? ", status = 'failed', completed_at = now()" : "")}
                 where id = @Id and tenant_id = @TenantId
                """, new { Error = e.Message, Id = p.SyncLogId, TenantId = tenantId }, CancellationToken.None);
            await tx.CommitAsync(CancellationToken.None);
            throw;
        }
    }
}
