-- The 20 most recent orders delivered to this phone or placed by a customer with it (slim tracking list).
select o.order_number as "OrderNumber", o.status as "Status", o.created_at as "CreatedAt", o.total_amount as "TotalAmount",
       o.delivery_name as "DeliveryName",
       (select coalesce(sum(i.quantity), 0)::int from wholesale.order_items i where i.order_id = o.id) as "ItemCount",
       o.tracking_number as "TrackingNumber", o.carrier as "Carrier"
from wholesale.orders o
where o.deleted_at is null
  and (o.delivery_phone = @Phone
       or o.customer_id in (select c.id from wholesale.customers c where c.phone = @Phone and c.deleted_at is null))
order by o.created_at desc, o.id desc
limit 20;
