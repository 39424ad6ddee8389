-- How many rows of each kind one tenant has (read just before PurgeRows.sql deletes them).
select (select count(*) from adpriority.products where tenant_id = @TenantId)::int as "Products",
       (select count(*) from adpriority.variants where tenant_id = @TenantId)::int as "Variants",
       (select count(*) from adpriority.priority_scores where tenant_id = @TenantId)::int as "PriorityScores",
       (select count(*) from adpriority.category_rules where tenant_id = @TenantId)::int as "CategoryRules",
       (select count(*) from adpriority.seasons where tenant_id = @TenantId)::int as "SeasonalCalendars",
       (select count(*) from adpriority.sync_logs where tenant_id = @TenantId)::int as "SyncLogs",
       (select count(*) from adpriority.subscriptions where tenant_id = @TenantId)::int as "Billing";
