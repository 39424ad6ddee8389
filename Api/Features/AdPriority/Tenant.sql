-- One tenant by id (the tenant directory; no RLS, filtered explicitly). No row: not installed.
select id as "Id", shop_domain as "ShopDomain", plan_tier as "PlanTier", billing_status as "BillingStatus",
       billing_activated_at as "BillingActivatedAt", trial_ends_at as "TrialEndsAt", status as "Status", timezone as "Timezone",
       gmc_merchant_id as "GmcMerchantId", google_sheet_id as "GoogleSheetId", default_priority as "DefaultPriority",
       new_arrival_days as "NewArrivalDays", new_arrival_priority as "NewArrivalPriority", sync_frequency as "SyncFrequency",
       current_season as "CurrentSeason", last_shopify_sync_at as "LastShopifySyncAt", last_sheet_sync_at as "LastSheetSyncAt",
       installed_at as "InstalledAt"
from adpriority.tenants
where id = @Id;
