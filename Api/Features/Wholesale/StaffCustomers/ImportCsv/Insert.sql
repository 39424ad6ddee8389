-- The import's new customers (kind imported, no login) from parallel arrays, plus one audit row with the count.
with created as (
    insert into wholesale.customers (kind, first_name, last_name, company_name, email, phone, shipping_address, billing_address)
    select 'imported', f, l, co, cast(e as citext), p, s, b
    from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) as t(f, l, co, e, p, s, b)
    returning id
)
insert into wholesale.audit_log (actor_kind, actor_id, action, entity, details)
values ('staff', $8, 'customers.imported', 'customer', jsonb_build_object('created', $9::int));
