-- The signed-in customer's orders, newest first (at most 500).
select o.id as "Id", o.order_number as "OrderNumber", o.customer_id as "UserId", o.status as "Status", o.created_at as "CreatedAt",
       o.total_amount as "TotalAmount", o.delivery_name as "DeliveryName",
       (select coalesce(sum(i.quantity), 0)::int from wholesale.order_items i where i.order_id = o.id) as "ItemCount",
       o.tracking_number as "TrackingNumber", o.carrier as "Carrier", o.payment_status as "PaymentStatus", o.payment_method as "PaymentMethod"
from wholesale.orders o
where o.customer_id = @CustomerId and o.deleted_at is null
order by o.created_at desc, o.id desc
limit 500;
