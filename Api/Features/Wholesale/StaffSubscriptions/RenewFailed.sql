-- A renewal attempt that created no order: failed (declined, or refused before charging) or error (Stripe unreachable).
insert into wholesale.subscription_renewals (subscription_id, period_date, attempt, status, trigger, amount, idempotency_key,
                                             stripe_payment_intent_id, error, actor_kind, actor_id)
values (@SubscriptionId, cast(@Period as date), @Attempt, @Status, @Trigger, @Total, @Key, @Intent, @Error, @ActorKind, @ActorId)
returning id as "Id", created_at as "CreatedAt";
