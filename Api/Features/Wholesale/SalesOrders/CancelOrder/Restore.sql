-- Gives back the stock the order still holds (reserved minus already released) for tracked products, one ledger row each,
-- rows locked in product-id order like the reservation.
with held as (
    select l.product_id, -sum(l.delta) as qty
    from wholesale.inventory_ledger l
    where l.order_id = @OrderId and l.reason in ('order_reserved', 'order_released')
    group by l.product_id
    having -sum(l.delta) > 0
), locked as materialized (
    select p.id from wholesale.products p
    where p.id in (select product_id from held) and p.stock_quantity is not null
    order by p.id
    for no key update
), restored as (
    update wholesale.products p
       set stock_quantity = p.stock_quantity + h.qty, in_stock = true, updated_at = now()
      from held h join locked k on k.id = h.product_id
     where p.id = h.product_id
    returning p.id, p.stock_quantity, h.qty
)
insert into wholesale.inventory_ledger (product_id, delta, balance_after, reason, order_id, actor_kind, actor_id, note)
select r.id, r.qty, r.stock_quantity, 'order_released', @OrderId, 'staff', @ActorId, @OrderNumber || ' cancelled by sales rep'
from restored r;
