-- The credit as a payment of the locked order: a payments row (method credit), amount_paid and payment_status, an event.
with p as (
    insert into wholesale.payments (order_id, customer_id, method, amount, status, reference, status_changed_by, created_by)
    values (@Id, @CustomerId, 'credit', @Amount, 'succeeded', 'store credit', @Actor, @Actor)
), u as (
    update wholesale.orders
       set amount_paid = amount_paid + @Amount,
           payment_status = case when amount_paid + @Amount >= total_amount then 'paid' else 'partial' end,
           payment_status_changed_at = now(), payment_status_changed_by = @Actor, updated_at = now()
     where id = @Id
    returning id, payment_status, total_amount - amount_paid as due
), e as (
    insert into wholesale.order_events (order_id, kind, from_status, to_status, actor_kind, actor_id, reason)
    select u.id, 'payment', @PreviousStatus, u.payment_status, @ActorKind, @ActorId, 'store credit applied: ' || @Amount from u
)
select due from u;
