-- Inserts the order and its creation event (plus a review event when flagged). The lines follow after the stock is
-- reserved (InsertItems.sql): their foreign key to products takes a key-share lock, which must not come before the
-- reservation's row lock or two buyers of one product would deadlock.
with o as (
    insert into wholesale.orders (order_number, customer_id, status, source, delivery_name, delivery_first_name, delivery_last_name,
                                  delivery_email, delivery_company, delivery_address, delivery_city, delivery_state, delivery_zip,
                                  delivery_phone, special_notes, billing_address, subtotal, discount_amount, delivery_fee,
                                  total_amount, payment_method, payment_status, needs_review, review_reason, status_changed_by)
    values (@OrderNumber, @CustomerId, 'pending', 'voice', @DeliveryName, @DeliveryFirstName, @DeliveryLastName,
            @DeliveryEmail, @DeliveryCompany, @DeliveryAddress, @DeliveryCity, @DeliveryState, @DeliveryZip,
            @DeliveryPhone, @SpecialNotes, @BillingAddress, @Subtotal, 0, @DeliveryFee,
            @Total, @PaymentMethod, 'unpaid', @NeedsReview, @ReviewReason, @ActorLabel)
    returning id, created_at
), e as (
    insert into wholesale.order_events (order_id, kind, from_status, to_status, actor_kind, actor_id, reason)
    select o.id, 'created', null, 'pending', @ActorKind, @ActorId, @CreatedReason from o
    union all
    select o.id, 'review', null, 'pending', 'system', null, @ReviewReason from o where @NeedsReview
)
select id as "Id", created_at as "CreatedAt" from o;
