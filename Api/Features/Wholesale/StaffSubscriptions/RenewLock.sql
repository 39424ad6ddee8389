-- Takes the subscription for one renewal attempt: its row is locked (for no key update, skip locked, so a second run of the
-- same subscription gets no row instead of waiting and charging again) for the attempt's transaction. With it: the product
-- as the catalog sells it now, whether the customer still exists, how many attempts of this period were refused
-- (failed), when the last paid renewal happened, and whether an attempt failed in the last 20 hours (runs wait a day). No row: no such subscription, or another run holds it.
select s.id as "Id", s.customer_id as "CustomerId", s.product_id as "ProductId", s.quantity as "Quantity",
       s.interval_days as "IntervalDays", s.discount_pct as "DiscountPct", s.status as "Status",
       s.next_renewal_date as "NextRenewalDate", s.stripe_customer_id as "StripeCustomerId",
       s.stripe_payment_method_id as "StripePaymentMethodId", s.payment_type as "PaymentType",
       s.delivery_name as "DeliveryName", s.delivery_phone as "DeliveryPhone", s.delivery_email::text as "DeliveryEmail",
       s.delivery_address as "DeliveryAddress", s.delivery_city as "DeliveryCity", s.delivery_state as "DeliveryState",
       s.delivery_zip as "DeliveryZip", s.delivery_company as "DeliveryCompany",
       p.sku as "Sku", p.name as "Name", p.brand as "Brand", p.unit_size as "UnitSize", p.unit_price as "UnitPrice",
       p.bulk_price as "BulkPrice", p.bulk_quantity as "BulkQuantity", p.cost as "Cost", p.stock_quantity as "StockQuantity",
       p.in_stock as "InStock", (p.is_active and p.deleted_at is null) as "ProductLive",
       (c.deleted_at is null and c.merged_into is null) as "CustomerLive",
       (select count(*) from wholesale.subscription_renewals r
         where r.subscription_id = s.id and r.period_date = s.next_renewal_date and r.status = 'failed')::int as "FailedAttempts",
       (select max(r.created_at) from wholesale.subscription_renewals r
         where r.subscription_id = s.id and r.status = 'succeeded') as "LastPaidAt",
       exists (select from wholesale.subscription_renewals r
                where r.subscription_id = s.id and r.status in ('failed', 'error') and r.created_at > now() - interval '20 hours') as "RecentFailure"
from wholesale.subscriptions s
join wholesale.products p on p.id = s.product_id
join wholesale.customers c on c.id = s.customer_id
where s.id = @Id
for no key update of s skip locked;
