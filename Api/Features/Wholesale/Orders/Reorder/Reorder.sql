-- The lines of the customer's own order (no row: not theirs or no such order) with today's catalog prices; products since
-- deleted or deactivated are left out (they cannot be ordered again). Repeated products add up.
select p.id as "ProductId", p.name as "ProductName", p.sku as "ProductSku", sum(i.quantity)::int as "Quantity",
       p.unit_price as "UnitPrice", p.bulk_price as "BulkPrice", p.bulk_quantity as "BulkQuantity", min(i.id) as "FirstLine"
from wholesale.orders o
join wholesale.order_items i on i.order_id = o.id
join wholesale.products p on p.id = i.product_id and p.deleted_at is null and p.is_active
where o.order_number = @OrderNumber and o.customer_id = @CustomerId and o.deleted_at is null
group by p.id
order by min(i.id);
