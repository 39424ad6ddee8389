-- Writes the given fields of a live customer (@Set* says which were given; '' clears, except email which cannot be emptied).
-- A changed email is unverified again. A taken account email raises a unique violation (409).
update wholesale.customers c set
    first_name         = case when @SetFirst then nullif(@FirstName, '') else c.first_name end,
    last_name          = case when @SetLast then nullif(@LastName, '') else c.last_name end,
    email_verified     = case when @SetEmail and cast(@Email as citext) is distinct from c.email then false else c.email_verified end,
    email_verified_at  = case when @SetEmail and cast(@Email as citext) is distinct from c.email then null else c.email_verified_at end,
    email              = case when @SetEmail then cast(@Email as citext) else c.email end,
    company_name       = case when @SetCompany then nullif(@CompanyName, '') else c.company_name end,
    phone              = case when @SetPhone then @Phone else c.phone end,
    phone2             = case when @SetPhone2 then @Phone2 else c.phone2 end,
    shipping_address   = case when @SetShipping then nullif(@ShippingAddress, '') else c.shipping_address end,
    billing_address    = case when @SetBilling then nullif(@BillingAddress, '') else c.billing_address end,
    preferred_language = case when @SetLanguage then @PreferredLanguage else c.preferred_language end,
    do_not_call        = case when @SetDnc then @DoNotCall else c.do_not_call end,
    updated_at         = now()
where c.id = @UserId and c.deleted_at is null and c.merged_into is null;
