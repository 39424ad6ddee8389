-- Sent fields only (@Set* flags); '' clears. The email stays unique among live login accounts (the index answers 409).
update wholesale.customers c
   set first_name = case when @SetFirst then nullif(@First, '') else c.first_name end,
       last_name = case when @SetLast then nullif(@Last, '') else c.last_name end,
       company_name = case when @SetCompany then nullif(@Company, '') else c.company_name end,
       email = case when @SetEmail then nullif(@Email, '')::citext else c.email end,
       phone = case when @SetPhone then @Phone else c.phone end,
       phone2 = case when @SetPhone2 then @Phone2 else c.phone2 end,
       shipping_address = case when @SetShipping then nullif(@Shipping, '') else c.shipping_address end,
       billing_address = case when @SetBilling then nullif(@Billing, '') else c.billing_address end,
       preferred_language = case when @SetLanguage then coalesce(nullif(@Language, ''), 'en') else c.preferred_language end,   -- not null since 0008: clearing goes back to 'en'
       updated_at = now()
 where c.id = @CustomerId and c.deleted_at is null
returning c.id as "Id", c.first_name as "FirstName", c.last_name as "LastName",
          nullif(trim(concat_ws(' ', c.first_name, c.last_name)), '') as "FullName", c.company_name as "CompanyName",
          c.email::text as "Email", c.phone as "Phone", c.phone2 as "Phone2", c.shipping_address as "ShippingAddress",
          c.billing_address as "BillingAddress", c.preferred_language as "PreferredLanguage";
