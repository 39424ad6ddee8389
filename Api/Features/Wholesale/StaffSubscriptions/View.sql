-- Subscriptions as the document's subscription object: the customer's contact fields and the last renewal attempt.
-- Filters: @Id (one), @Status, @UserId; newest first, at most @Limit rows.
select s.id as "Id", s.customer_id as "UserId", p.sku as "ProductSku", p.id as "ProductId", p.name as "ProductName",
       s.quantity as "Quantity", s.interval_days as "IntervalDays", s.discount_pct as "DiscountPct",
       s.next_renewal_date as "NextRenewalDate", s.status as "Status",
       nullif(trim(concat_ws(' ', c.first_name, c.last_name)), '') as "CustomerName", c.email::text as "CustomerEmail",
       c.phone as "CustomerPhone", c.company_name as "CustomerCompany",
       s.payment_type as "PaymentType", s.stripe_customer_id as "StripeCustomerId", s.stripe_payment_method_id as "StripePaymentMethodId",
       s.delivery_name as "DeliveryName", s.delivery_phone as "DeliveryPhone", s.delivery_email::text as "DeliveryEmail",
       s.delivery_address as "DeliveryAddress", s.delivery_city as "DeliveryCity", s.delivery_state as "DeliveryState",
       s.delivery_zip as "DeliveryZip", s.delivery_company as "DeliveryCompany", s.notes as "Notes",
       s.created_at as "CreatedAt", s.updated_at as "UpdatedAt",
       r.id as "LastRenewalId", r.period_date as "LastRenewalPeriod", r.attempt as "LastRenewalAttempt", r.status as "LastRenewalStatus",
       r.trigger as "LastRenewalTrigger", r.amount as "LastRenewalAmount", r.order_id as "LastRenewalOrderId",
       o.order_number as "LastRenewalOrderNumber", r.stripe_payment_intent_id as "LastRenewalIntent", r.error as "LastRenewalError",
       r.created_at as "LastRenewalAt"
from wholesale.subscriptions s
join wholesale.customers c on c.id = s.customer_id
join wholesale.products p on p.id = s.product_id
left join lateral (
    select * from wholesale.subscription_renewals x where x.subscription_id = s.id order by x.created_at desc, x.id desc limit 1
) r on true
left join wholesale.orders o on o.id = r.order_id
where (cast(@Id as bigint) is null or s.id = @Id)
  and (cast(@Status as text) is null or s.status = @Status)
  and (cast(@UserId as bigint) is null or s.customer_id = @UserId)
order by s.id desc
limit @Limit;
