-- Writes the listed profile fields of the caller's own live record (@Set* says which were given; '' clears). A new email
-- is unverified until its link is used. No row: not the caller's record (or gone). EmailChanged: a verification is due.
with me as (
    select id, email from wholesale.customers where id = @UserId and id = @CallerId and deleted_at is null for update
), updated as (
    update wholesale.customers c set
        email            = case when @SetEmail then cast(@Email as citext) else c.email end,
        email_verified   = case when @SetEmail and cast(@Email as citext) is distinct from me.email then false else c.email_verified end,
        email_verified_at = case when @SetEmail and cast(@Email as citext) is distinct from me.email then null else c.email_verified_at end,
        company_name     = case when @SetCompany then nullif(@CompanyName, '') else c.company_name end,
        phone            = case when @SetPhone then @Phone else c.phone end,
        shipping_address = case when @SetShipping then nullif(@ShippingAddress, '') else c.shipping_address end,
        billing_address  = case when @SetBilling then nullif(@BillingAddress, '') else c.billing_address end,
        updated_at       = now()
    from me where c.id = me.id
    returning c.id, c.username::text as username, (@SetEmail and cast(@Email as citext) is distinct from me.email) as email_changed
)
select id as "Id", username as "Username", email_changed as "EmailChanged" from updated;
