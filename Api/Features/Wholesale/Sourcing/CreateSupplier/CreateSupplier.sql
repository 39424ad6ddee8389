insert into wholesale.suppliers (name, name_cn, platform, location, contact_name, contact_wechat, contact_email, contact_phone,
                                 product_categories, rating, lead_time_days, moq_notes, payment_terms, is_active, notes, created_by)
values (@Name, @NameCn::text, @Platform::text, @Location::text, @ContactName::text, @ContactWechat::text, @ContactEmail::text,
        @ContactPhone::text, array(select jsonb_array_elements_text(@Categories::jsonb)), @Rating::int, @LeadTimeDays::int,
        @MoqNotes::text, @PaymentTerms::text, @IsActive, @Notes::text, @CreatedBy::bigint)
returning id;
