-- The customer's 50 most recent orders (orders_customer index).
select o.id as "Id", o.order_number as "OrderNumber", o.created_at as "CreatedAt", o.status as "Status", o.source as "Source",
       o.total_amount as "TotalAmount", o.payment_status as "PaymentStatus",
       coalesce((select sum(i.quantity) from wholesale.order_items i where i.order_id = o.id), 0)::int as "ItemCount"
from wholesale.orders o
where o.customer_id = @UserId and o.deleted_at is null
order by o.created_at desc, o.id desc
limit 50;
