-- Links each unlinked entry to a live, unmerged customer by phone (phone or phone2), else by email; fills blank fields.
with before as (
    select count(*)::int as total, count(customer_id)::int as already from wholesale.calling_list
), matched as (
    select e.id,
           coalesce((select c.id from wholesale.customers c
                      where c.phone in (e.phone, e.phone2) and c.deleted_at is null and c.merged_into is null order by c.id limit 1),
                    (select c.id from wholesale.customers c
                      where e.email is not null and c.email = e.email and c.deleted_at is null and c.merged_into is null order by c.id limit 1))
               as customer_id
    from wholesale.calling_list e
    where e.customer_id is null
), linked as (
    update wholesale.calling_list e
       set customer_id = m.customer_id,
           first_name = coalesce(e.first_name, c.first_name), last_name = coalesce(e.last_name, c.last_name),
           company_name = coalesce(e.company_name, c.company_name), email = coalesce(e.email, c.email),
           address = coalesce(e.address, c.shipping_address),
           status = case when c.do_not_call then 'do_not_call' else e.status end, updated_at = now()
      from matched m join wholesale.customers c on c.id = m.customer_id
     where e.id = m.id
    returning e.id
)
select b.total as "Total", b.already as "AlreadyLinked", (select count(*)::int from linked) as "Linked" from before b;
