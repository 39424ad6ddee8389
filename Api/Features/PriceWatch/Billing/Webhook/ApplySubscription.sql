-- Writes the subscription's current Stripe state to the tenant. A checkout (@Replace) may attach a new subscription; other
-- events only touch the subscription the tenant has now, so a late event about an old subscription changes nothing.
-- No row: stale (about another subscription).
insert into pricewatch.subscriptions as s (tenant_id, plan_id, status, stripe_customer_id, stripe_subscription_id, current_period_end,
                                           cancel_at_period_end, last_event_at)
values (@T, @Plan, @Status, @Customer, @Sub, @PeriodEnd, @CancelAtEnd, now())
on conflict (tenant_id) do update set
    plan_id = excluded.plan_id, status = excluded.status,
    stripe_customer_id = coalesce(excluded.stripe_customer_id, s.stripe_customer_id),
    stripe_subscription_id = excluded.stripe_subscription_id, current_period_end = excluded.current_period_end,
    cancel_at_period_end = excluded.cancel_at_period_end, last_event_at = now(), updated_at = now()
 where @Replace or s.stripe_subscription_id is null or s.stripe_subscription_id = excluded.stripe_subscription_id
returning case when plan_id = 'free' then 'reverted_to_free' else plan_id || ':' || status end;
