-- The inspection (locked) with its links already checked; texts: null keeps, '' clears; lists sent replace.
update wholesale.qc_inspections
   set shipment_id     = @ShipmentId::bigint,
       supplier_id     = @SupplierId::bigint,
       product_id      = @ProductId::bigint,
       product_name    = nullif(@ProductName::text, ''),
       inspection_date = case when @InspectionDate::text is null then inspection_date else nullif(@InspectionDate::text, '')::date end,
       inspector       = case when @Inspector::text is null then inspector else nullif(@Inspector::text, '') end,
       result          = coalesce(@Result::text, result),
       notes           = case when @Notes::text is null then notes else nullif(@Notes::text, '') end,
       defects         = coalesce(@Defects::jsonb, defects),
       images          = coalesce(@Images::jsonb, images),
       updated_at      = now()
 where id = @Iid;
