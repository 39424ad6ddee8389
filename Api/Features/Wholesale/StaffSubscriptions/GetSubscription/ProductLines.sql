-- The customer's 50 most recent order lines of the subscribed product.
select o.id as "OrderId", o.order_number as "OrderNumber", o.created_at as "CreatedAt", o.status as "Status",
       i.quantity as "Quantity", i.unit_price as "UnitPrice", i.line_total as "LineTotal"
from wholesale.orders o join wholesale.order_items i on i.order_id = o.id
where o.customer_id = @UserId and o.deleted_at is null and i.product_id = @ProductId
order by o.created_at desc, o.id desc
limit 50;
