-- Applies the given settings to the caller's tenant (the tenant directory row; filtered by id).
update adpriority.tenants
   set gmc_merchant_id = case when @SetMerchant then cast(@Merchant as text) else gmc_merchant_id end,
       google_sheet_id = case when @SetSheet then cast(@Sheet as text) else google_sheet_id end,
       default_priority = coalesce(cast(@DefaultPriority as int), default_priority),
       new_arrival_days = coalesce(cast(@NewArrivalDays as int), new_arrival_days),
       new_arrival_priority = coalesce(cast(@NewArrivalPriority as int), new_arrival_priority),
       sync_frequency = coalesce(cast(@Frequency as text), sync_frequency),
       timezone = coalesce(cast(@Timezone as text), timezone),
       updated_at = now()
 where id = @Id;
