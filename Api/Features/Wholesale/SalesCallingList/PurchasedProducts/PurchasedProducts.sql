-- Distinct purchased SKUs (the name most recently used for it), by number of orders.
select oi.product_sku as "Sku", (array_agg(oi.product_name order by oi.id desc))[1] as "Name",
       count(distinct oi.order_id)::int as "PurchaseCount"
from wholesale.order_items oi
join wholesale.orders o on o.id = oi.order_id
where o.deleted_at is null and o.status <> 'cancelled' and oi.product_sku is not null and oi.product_sku <> ''
group by oi.product_sku
order by 3 desc, 1
limit 1000;
