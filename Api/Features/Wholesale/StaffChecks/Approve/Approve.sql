-- Approves the check under review of the (locked) order: payment succeeded, amount_paid raised, payment_status paid or
-- partial, a payment event. Returns nothing when no check awaits review.
with c as (
    select p.id, p.amount, o.id as order_id, o.payment_status
    from wholesale.orders o
    join wholesale.payments p on p.order_id = o.id and p.method = 'check' and p.status = 'under_review'
    where o.id = @OrderId
    order by p.created_at desc, p.id desc
    limit 1
), p as (
    update wholesale.payments x set status = 'succeeded', status_changed_at = now(), status_changed_by = @Actor
      from c where x.id = c.id
    returning x.id
), u as (
    update wholesale.orders o
       set amount_paid = o.amount_paid + c.amount,
           payment_status = case when o.amount_paid + c.amount >= o.total_amount then 'paid' else 'partial' end,
           payment_method = 'check',
           payment_status_changed_at = now(), payment_status_changed_by = @Actor, updated_at = now()
      from c where o.id = c.order_id
    returning o.id, o.payment_status
), e as (
    insert into wholesale.order_events (order_id, kind, from_status, to_status, actor_kind, actor_id, reason)
    select u.id, 'payment', c.payment_status, u.payment_status, @ActorKind, @ActorId, 'check approved: ' || c.amount from u, c
)
select payment_status from u;
