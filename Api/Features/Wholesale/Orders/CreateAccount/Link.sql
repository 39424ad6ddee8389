-- Attaches a guest order (no account yet) to the new account when the order's email is the account's. No row: not linked.
with o as (
    update wholesale.orders set customer_id = @CustomerId, updated_at = now()
     where order_number = @OrderNumber and customer_id is null and deleted_at is null and delivery_email = cast(@Email as citext)
    returning id, status
), e as (
    insert into wholesale.order_events (order_id, kind, from_status, to_status, actor_kind, actor_id, reason)
    select o.id, 'link', o.status, o.status, 'customer', @CustomerId, 'guest order linked to the new account' from o
)
select id from o;
