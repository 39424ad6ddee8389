-- The customer's 100 most recent orders (not cancelled), of the SKU when given, as business-time-zone days. The first
-- column says whether the customer exists (one row with a null day when they have no such orders).
with c as (
    select id from wholesale.customers where id = @UserId and deleted_at is null
), o as (
    select o.id, (o.created_at at time zone @Zone)::date as day
    from wholesale.orders o
    where o.customer_id = (select id from c) and o.deleted_at is null and o.status <> 'cancelled'
      and (cast(@Sku as text) is null
           or exists (select from wholesale.order_items i where i.order_id = o.id and lower(i.product_sku) = lower(@Sku)))
    order by o.created_at desc
    limit 100
)
select true as "Exists", o.day as "Day" from c left join o on true;
