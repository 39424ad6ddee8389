-- Deletes every row of one tenant, children first, then the tenant itself and its shop's bookkeeping.
delete from adpriority.priority_scores where tenant_id = @TenantId;
delete from adpriority.variants where tenant_id = @TenantId;
delete from adpriority.products where tenant_id = @TenantId;
delete from adpriority.season_category_overrides where tenant_id = @TenantId;
delete from adpriority.seasons where tenant_id = @TenantId;
delete from adpriority.category_rules where tenant_id = @TenantId;
delete from adpriority.tag_modifiers where tenant_id = @TenantId;
delete from adpriority.sync_logs where tenant_id = @TenantId;
delete from adpriority.feed_tokens where tenant_id = @TenantId;
delete from adpriority.subscriptions where tenant_id = @TenantId;
delete from adpriority.oauth_nonces where shop_domain = @Shop;
delete from adpriority.tenants where id = @TenantId;
