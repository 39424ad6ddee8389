-- Orders awaiting shipment: confirmed or packed, plus pending orders cleared for picking; oldest first.
select o.order_number as "OrderNumber", o.status as "Status", coalesce(o.delivery_company, o.delivery_name, 'guest') as "Who",
       o.delivery_city as "City", o.delivery_state as "State", o.created_at as "CreatedAt", count(*) over () as "Total"
from wholesale.orders o
where o.deleted_at is null and o.status in ('pending', 'confirmed', 'packed')
  and (o.status <> 'pending' or (not o.needs_review and not (o.payment_method in ('card', 'check') and o.payment_status <> 'paid')))
order by o.created_at, o.id
limit 25;
