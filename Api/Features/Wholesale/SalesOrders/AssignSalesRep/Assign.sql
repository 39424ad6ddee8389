-- Attributes the order to the rep (only an active sales_rep) and records it as an order event; nothing when the order is
-- missing or the rep is not an active sales rep (the handler tells which).
with rep as (
    select id from wholesale.staff_users where id = @RepId and role = 'sales_rep' and is_active
), o as (
    update wholesale.orders set sales_rep_id = (select id from rep), updated_at = now()
     where id = @OrderId and deleted_at is null and exists (select 1 from rep)
    returning id, order_number
), e as (
    insert into wholesale.order_events (order_id, kind, actor_kind, actor_id, reason)
    select o.id, 'sales_rep', 'staff', @ActorId, 'assigned to sales rep ' || @RepId from o
)
select id as "Id", order_number as "OrderNumber" from o;
