-- Records one Stripe payment against an order, once: payments.stripe_payment_intent_id is unique, so a second confirm or a
-- replayed webhook inserts nothing. With @Exact the payment must equal the current balance (confirm's rule); otherwise
-- (the webhook: the money has arrived) it is recorded and a mismatch flags the order for review. The order row is locked
-- first. No row: no such order. Done false: nothing applied (Recorded: this intent was already recorded; else the amount
-- no longer matches the balance).
with o as (
    select id, customer_id, payment_status, total_amount, amount_paid
    from wholesale.orders
    where order_number = @OrderNumber and deleted_at is null
    for update
), p as (
    insert into wholesale.payments (order_id, customer_id, method, amount, status, stripe_payment_intent_id, reference, status_changed_by, created_by)
    select o.id, o.customer_id, @Method, @Amount, 'succeeded', @IntentId, @Reference, @Actor, @Actor
    from o
    where not @Exact or o.total_amount - o.amount_paid = @Amount
    on conflict (stripe_payment_intent_id) do nothing
    returning order_id, amount
), u as (
    update wholesale.orders x
       set amount_paid = x.amount_paid + p.amount,
           payment_status = case when x.amount_paid + p.amount >= x.total_amount then 'paid' else 'partial' end,
           stripe_payment_intent_id = case when @IntentId like 'pi\_%' then @IntentId else x.stripe_payment_intent_id end,
           needs_review = x.needs_review or p.amount <> x.total_amount - x.amount_paid,
           review_reason = case when p.amount <> x.total_amount - x.amount_paid
                                then format('Stripe payment of %s does not match the balance of %s', p.amount, x.total_amount - x.amount_paid)
                                else x.review_reason end,
           payment_status_changed_at = now(), payment_status_changed_by = @Actor, updated_at = now()
      from p
     where x.id = p.order_id
    returning x.id, x.payment_status
), e as (
    insert into wholesale.order_events (order_id, kind, from_status, to_status, actor_kind, actor_id, reason)
    select u.id, 'payment', o.payment_status, u.payment_status, 'stripe', null, @Reason
    from u join o on o.id = u.id
)
select o.id as "OrderId", (u.id is not null) as "Done", coalesce(u.payment_status, o.payment_status) as "PaymentStatus",
       exists (select from wholesale.payments y where y.stripe_payment_intent_id = @IntentId) as "Recorded"
from o left join u on u.id = o.id;
