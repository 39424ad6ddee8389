-- Enrols: links the Stripe customer to the customer (first link wins) and inserts the subscription unless the customer
-- already has a live (not cancelled) one of this product. No row: that duplicate.
with link as (
    insert into wholesale.stripe_customers (customer_id, stripe_customer_id) values (@CustomerId, @StripeCustomerId)
    on conflict do nothing
)
insert into wholesale.subscriptions (customer_id, product_id, quantity, interval_days, discount_pct, status, next_renewal_date,
                                     stripe_customer_id, stripe_payment_method_id, payment_type, delivery_name, delivery_phone,
                                     delivery_email, delivery_address, delivery_city, delivery_state, delivery_zip, delivery_company,
                                     notes, created_by_staff_id, status_changed_by)
values (@CustomerId, @ProductId, @Quantity, @IntervalDays, @DiscountPct, 'active', cast(@Next as date),
        @StripeCustomerId, @StripePaymentMethodId, @PaymentType, @DeliveryName, @DeliveryPhone,
        @DeliveryEmail, @DeliveryAddress, @DeliveryCity, @DeliveryState, @DeliveryZip, @DeliveryCompany,
        @Notes, @StaffId, @Actor)
on conflict (customer_id, product_id) where status <> 'cancelled' do nothing
returning id;
