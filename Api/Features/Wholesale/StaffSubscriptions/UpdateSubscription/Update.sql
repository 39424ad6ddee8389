-- Changes the given fields (null = unchanged; notes '' clears) unless the subscription is cancelled. No row: not found.
-- Updated false: it is cancelled.
with t as (
    select id, status from wholesale.subscriptions where id = @SubId for no key update
), u as (
    update wholesale.subscriptions s
       set interval_days = coalesce(@IntervalDays, s.interval_days),
           quantity = coalesce(@Quantity, s.quantity),
           discount_pct = coalesce(@DiscountPct, s.discount_pct),
           notes = case when @Notes is null then s.notes else nullif(trim(@Notes), '') end,
           next_renewal_date = coalesce(cast(@NextRenewalDate as date), s.next_renewal_date),
           delivery_name = coalesce(@DeliveryName, s.delivery_name),
           delivery_address = coalesce(@DeliveryAddress, s.delivery_address),
           delivery_city = coalesce(@DeliveryCity, s.delivery_city),
           delivery_state = coalesce(@DeliveryState, s.delivery_state),
           delivery_zip = coalesce(@DeliveryZip, s.delivery_zip),
           updated_at = now()
      from t
     where s.id = t.id and t.status <> 'cancelled'
    returning s.id
)
select t.status as "Status", (u.id is not null) as "Updated" from t left join u on u.id = t.id;
