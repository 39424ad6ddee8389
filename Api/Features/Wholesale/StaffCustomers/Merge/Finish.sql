-- After the rows moved and the merged account was retired (MarkMerged.sql): the survivor gets the chosen values, fills its
-- empty contact fields from the merged one, keeps do_not_call if either had it and receives the merged store credit
-- (@Credit); one audit row lists what moved. Returns the survivor's id.
with merged as (
    select m.first_name, m.last_name, m.company_name, m.email, m.phone, m.phone2, m.shipping_address, m.billing_address, m.do_not_call
    from wholesale.customers m where m.id = @Merge
), kept as (
    update wholesale.customers k set
        first_name       = case when @SetFirst then nullif(@FirstName, '') else coalesce(k.first_name, merged.first_name) end,
        last_name        = case when @SetLast then nullif(@LastName, '') else coalesce(k.last_name, merged.last_name) end,
        company_name     = case when @SetCompany then nullif(@CompanyName, '') else coalesce(k.company_name, merged.company_name) end,
        email            = case when @SetEmail then cast(nullif(@Email, '') as citext) else coalesce(k.email, merged.email) end,
        phone            = coalesce(k.phone, merged.phone),
        phone2           = coalesce(k.phone2, case when merged.phone is distinct from k.phone then merged.phone2 end),
        shipping_address = coalesce(k.shipping_address, merged.shipping_address),
        billing_address  = coalesce(k.billing_address, merged.billing_address),
        do_not_call      = k.do_not_call or merged.do_not_call,
        store_credit     = k.store_credit + @Credit,
        updated_at       = now()
    from merged where k.id = @Keep
    returning k.id
), audit as (
    insert into wholesale.audit_log (actor_kind, actor_id, action, entity, entity_id, details)
    select 'staff', @StaffId, 'customer.merged', 'customer', @Keep::text,
           jsonb_build_object('merged_id', @Merge, 'store_credit_moved', @Credit, 'moved', cast(@Moved as jsonb)) from kept
)
select id from kept;
