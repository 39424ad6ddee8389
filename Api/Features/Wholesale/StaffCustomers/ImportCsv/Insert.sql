-- The import's new customers (kind imported, no login) from parallel arrays, plus one audit row with the count. A phone on the
-- do-not-call list (wholesale.do_not_call, E.164) makes the new customer do_not_call (issue 16). Answers how many were flagged.
with created as (
    insert into wholesale.customers (kind, first_name, last_name, company_name, email, phone, shipping_address, billing_address, do_not_call)
    select 'imported', f, l, co, cast(e as citext), p, s, b, p is not null and exists (select from wholesale.do_not_call d where d.phone = p)
    from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) as t(f, l, co, e, p, s, b)
    returning id, do_not_call
), audit as (
    insert into wholesale.audit_log (actor_kind, actor_id, action, entity, details)
    select 'staff', $8, 'customers.imported', 'customer',
           jsonb_build_object('created', $9::int, 'do_not_call', (select count(*) from created where do_not_call))
)
select count(*)::int from created where do_not_call;
