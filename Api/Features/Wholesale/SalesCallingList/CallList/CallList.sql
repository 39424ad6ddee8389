-- One page of callable customers with their order history; "Total" repeats the count of all matches on every row.
with callable as (
    select c.id, c.first_name, c.last_name, c.company_name, c.phone, c.email::text as email, c.shipping_address,
           st.order_count, st.total_spend, st.last_at, count(*) over () as total
    from wholesale.customers c
    cross join lateral (
        select count(*)::int as order_count, coalesce(sum(o.total_amount), 0) as total_spend, max(o.created_at) as last_at
        from wholesale.orders o where o.customer_id = c.id and o.deleted_at is null and o.status <> 'cancelled') st
    where c.phone is not null and c.deleted_at is null and c.merged_into is null and not c.do_not_call
      and (cast(@Search as text) is null
           or c.company_name ilike @Search or c.first_name ilike @Search or c.last_name ilike @Search
           or c.email::text ilike @Search or c.phone like @Search
           or (coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '')) ilike @Search)
    order by st.last_at asc nulls last, c.id
    limit @Limit offset @Offset
)
select k.id as "Id",
       coalesce(nullif(trim(coalesce(k.first_name, '') || ' ' || coalesce(k.last_name, '')), ''), k.company_name, '') as "Name",
       k.first_name as "FirstName", k.last_name as "LastName", k.company_name as "Company", k.phone as "Phone", k.email as "Email",
       k.shipping_address as "ShippingAddress", k.order_count as "OrderCount", k.total_spend as "TotalSpend",
       k.last_at as "LastOrderDate", lo.total_amount as "LastOrderAmount",
       coalesce((select json_agg(json_build_object('name', i.product_name, 'sku', i.product_sku, 'quantity', i.quantity) order by i.id)
                 from wholesale.order_items i where i.order_id = lo.id), '[]')::text as "LastOrderItems",
       k.total::int as "Total"
from callable k
left join lateral (
    select o.id, o.total_amount from wholesale.orders o
    where o.customer_id = k.id and o.deleted_at is null and o.status <> 'cancelled'
    order by o.created_at desc, o.id desc limit 1) lo on true
order by k.last_at asc nulls last, k.id;
