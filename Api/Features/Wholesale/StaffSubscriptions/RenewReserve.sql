-- Reserves the renewal's quantity of a tracked product (the row locked, decremented only when enough is left) with a
-- ledger row. No row: not enough stock (Available says how much there is).
with locked as materialized (
    select p.id, p.stock_quantity from wholesale.products p where p.id = @ProductId and p.stock_quantity is not null for no key update
), reserved as (
    update wholesale.products p
       set stock_quantity = p.stock_quantity - @Quantity, in_stock = p.stock_quantity - @Quantity > 0, updated_at = now()
      from locked l
     where p.id = l.id and l.stock_quantity >= @Quantity
    returning p.id, p.stock_quantity
), ledger as (
    insert into wholesale.inventory_ledger (product_id, delta, balance_after, reason, order_id, actor_kind, actor_id, note)
    select r.id, -@Quantity, r.stock_quantity, 'order_reserved', @OrderId, @ActorKind, @ActorId, @OrderNumber from reserved r
)
select l.stock_quantity as "Available", (select count(*) from reserved) > 0 as "Reserved" from locked l;
