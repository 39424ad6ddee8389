-- Soft delete with an event; the row stays (payments, events and invoices reference it).
with u as (
    update wholesale.orders set deleted_at = now(), deleted_by = @Actor, updated_at = now()
     where id = @Id and deleted_at is null
    returning id, status
)
insert into wholesale.order_events (order_id, kind, from_status, to_status, actor_kind, actor_id, reason)
select id, 'deleted', status, status, @ActorKind, @ActorId, 'order deleted by staff' from u;
