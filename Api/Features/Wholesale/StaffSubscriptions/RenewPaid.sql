-- Records a charged renewal in the attempt's transaction: the order takes the PaymentIntent (and the order number Stripe
-- holds in its metadata, which differs only when a crashed attempt is replayed under the same idempotency key), a
-- succeeded card payment is a payments row and the order is paid; an ACH debit still processing leaves the order
-- payment_status pending for the core webhook (payment_intent.succeeded) to record. Then the renewal row and the
-- subscription's next date.
with pay as (
    insert into wholesale.payments (order_id, customer_id, method, amount, status, stripe_payment_intent_id, reference, status_changed_by, created_by)
    select @OrderId, @CustomerId, @Method, @Total, 'succeeded', @Intent, @Key, @ActorLabel, @ActorLabel
    where @Paid
    on conflict (stripe_payment_intent_id) do nothing
    returning id
), o as (
    update wholesale.orders
       set order_number = @OrderNumber, stripe_payment_intent_id = @Intent,
           amount_paid = case when @Paid then total_amount else 0 end,
           payment_status = case when @Paid then 'paid' else 'pending' end,
           payment_status_changed_at = now(), payment_status_changed_by = 'stripe', updated_at = now()
     where id = @OrderId
    returning id
), e as (
    insert into wholesale.order_events (order_id, kind, from_status, to_status, actor_kind, actor_id, reason)
    select o.id, 'payment', 'unpaid', case when @Paid then 'paid' else 'pending' end, 'stripe', null, @Reason from o
), s as (
    update wholesale.subscriptions set next_renewal_date = cast(@Next as date), updated_at = now() where id = @SubscriptionId
)
insert into wholesale.subscription_renewals (subscription_id, period_date, attempt, status, trigger, amount, idempotency_key,
                                             stripe_payment_intent_id, order_id, actor_kind, actor_id)
values (@SubscriptionId, cast(@Period as date), @Attempt, 'succeeded', @Trigger, @Total, @Key, @Intent, @OrderId, @ActorKind, @ActorId)
returning id as "Id", created_at as "CreatedAt";
