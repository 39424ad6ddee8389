-- Writes the fields sent (null: unchanged; '': cleared). No row: not found.
update wholesale.procurement_products
   set name           = coalesce(@Name::text, name),
       category       = case when @Category::text is null then category else nullif(@Category::text, '') end,
       description    = case when @Description::text is null then description else nullif(@Description::text, '') end,
       model_number   = case when @ModelNumber::text is null then model_number else nullif(@ModelNumber::text, '') end,
       est_price_min  = coalesce(@EstPriceMin::numeric, est_price_min),
       est_price_max  = coalesce(@EstPriceMax::numeric, est_price_max),
       lead_time_days = coalesce(@LeadTimeDays::int, lead_time_days),
       notes          = case when @Notes::text is null then notes else nullif(@Notes::text, '') end,
       active         = coalesce(@Active::boolean, active),
       vendor_id      = coalesce(@VendorId::bigint, vendor_id),
       updated_at     = now()
 where id = @ProductId
returning id as "Id", vendor_id as "VendorId", name as "Name", category as "Category", description as "Description",
          model_number as "ModelNumber", est_price_min as "EstPriceMin", est_price_max as "EstPriceMax",
          lead_time_days as "LeadTimeDays", notes as "Notes", active as "Active";
