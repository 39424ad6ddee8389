-- One order by number. The handler decides who may see it: a signed-in customer only their own, signed out the tracking view.
select o.id as "Id", o.order_number as "OrderNumber", o.customer_id as "UserId", o.status as "Status", o.created_at as "CreatedAt",
       o.total_amount as "TotalAmount", o.delivery_name as "DeliveryName",
       (select coalesce(sum(i.quantity), 0)::int from wholesale.order_items i where i.order_id = o.id) as "ItemCount",
       o.tracking_number as "TrackingNumber", o.carrier as "Carrier", o.payment_status as "PaymentStatus", o.payment_method as "PaymentMethod"
from wholesale.orders o
where o.order_number = @OrderNumber and o.deleted_at is null;
