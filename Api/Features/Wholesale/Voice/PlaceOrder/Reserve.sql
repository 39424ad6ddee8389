-- Reserves stock for the order's tracked products (stock_quantity not null). The rows are locked in product-id order, so
-- concurrent orders never deadlock, and each is decremented only when enough is left (never below zero). One ledger row
-- per reserved product. Every tracked product comes back; Reserved = false marks a short line (the caller rolls back).
with want as (
    select w.product_id as id, w.qty from unnest(@Ids, @Qtys) as w(product_id, qty)
), locked as materialized (
    select p.id, p.stock_quantity
    from wholesale.products p
    where p.id in (select id from want) and p.stock_quantity is not null
    order by p.id
    for no key update
), reserved as (
    update wholesale.products p
       set stock_quantity = p.stock_quantity - w.qty, in_stock = p.stock_quantity - w.qty > 0, updated_at = now()
      from locked l join want w on w.id = l.id
     where p.id = l.id and p.stock_quantity >= w.qty
    returning p.id, p.stock_quantity
), ledger as (
    insert into wholesale.inventory_ledger (product_id, delta, balance_after, reason, order_id, actor_kind, actor_id, note)
    select r.id, -w.qty, r.stock_quantity, 'order_reserved', @OrderId, @ActorKind, @ActorId, @OrderNumber
    from reserved r join want w on w.id = r.id
)
select l.id as "ProductId", l.stock_quantity as "Available", w.qty as "Requested", (r.id is not null) as "Reserved"
from locked l join want w on w.id = l.id left join reserved r on r.id = l.id;
