-- Writes the fields sent (null: unchanged; '': cleared). No row updated: not found.
update wholesale.suppliers
   set name               = coalesce(@Name::text, name),
       name_cn            = case when @NameCn::text is null then name_cn else nullif(@NameCn::text, '') end,
       platform           = case when @Platform::text is null then platform else nullif(@Platform::text, '') end,
       location           = case when @Location::text is null then location else nullif(@Location::text, '') end,
       contact_name       = case when @ContactName::text is null then contact_name else nullif(@ContactName::text, '') end,
       contact_wechat     = case when @ContactWechat::text is null then contact_wechat else nullif(@ContactWechat::text, '') end,
       contact_email      = case when @ContactEmail::text is null then contact_email else nullif(@ContactEmail::text, '') end,
       contact_phone      = case when @ContactPhone::text is null then contact_phone else nullif(@ContactPhone::text, '') end,
       product_categories = case when @Categories::jsonb is null then product_categories
                                 else array(select jsonb_array_elements_text(@Categories::jsonb)) end,
       rating             = coalesce(@Rating::int, rating),
       lead_time_days     = coalesce(@LeadTimeDays::int, lead_time_days),
       moq_notes          = case when @MoqNotes::text is null then moq_notes else nullif(@MoqNotes::text, '') end,
       payment_terms      = case when @PaymentTerms::text is null then payment_terms else nullif(@PaymentTerms::text, '') end,
       is_active          = coalesce(@IsActive::boolean, is_active),
       notes              = case when @Notes::text is null then notes else nullif(@Notes::text, '') end,
       updated_at         = now()
 where id = @Sid;
