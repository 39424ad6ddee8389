-- The 50 newest orders of a customer, or (customer null) guest orders delivered to the phone, with a short item preview.
select o.id as "Id", o.order_number as "OrderNumber", o.created_at as "CreatedAt", o.total_amount as "TotalAmount",
       o.status as "Status", o.payment_status as "PaymentStatus", o.payment_method as "PaymentMethod",
       coalesce(i.item_count, 0) as "ItemCount", i.preview as "ItemsPreview",
       o.delivery_name as "DeliveryName", o.delivery_email::text as "DeliveryEmail"
from wholesale.orders o
left join lateral (
    select sum(it.quantity) as item_count,
           string_agg(it.quantity || '× ' || it.product_name, ', ' order by it.id) filter (where it.rn <= 3)
           || case when count(*) > 3 then ' and ' || (count(*) - 3) || ' more' else '' end as preview
    from (select x.*, row_number() over (order by x.id) as rn from wholesale.order_items x where x.order_id = o.id) it
) i on true
where o.deleted_at is null
  and ((@CustomerId is not null and o.customer_id = @CustomerId)
       or (@CustomerId is null and o.customer_id is null and o.delivery_phone = @Phone))
order by o.created_at desc, o.id desc
limit 50;
