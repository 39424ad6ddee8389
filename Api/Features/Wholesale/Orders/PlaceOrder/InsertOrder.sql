-- Inserts the order, its lines (a JSON array) and its creation event (plus a review event when flagged).
with o as (
    insert into wholesale.orders (order_number, customer_id, status, source, delivery_name, delivery_first_name, delivery_last_name,
                                  delivery_email, delivery_company, delivery_address, delivery_city, delivery_state, delivery_zip,
                                  delivery_phone, special_notes, billing_address, subtotal, discount_amount, delivery_fee,
                                  total_amount, payment_method, payment_status, needs_review, review_reason, status_changed_by)
    values (@OrderNumber, @CustomerId, 'pending', 'web', @DeliveryName, @DeliveryFirstName, @DeliveryLastName,
            @DeliveryEmail, @DeliveryCompany, @DeliveryAddress, @DeliveryCity, @DeliveryState, @DeliveryZip,
            @DeliveryPhone, @SpecialNotes, @BillingAddress, @Subtotal, 0, @DeliveryFee,
            @Total, @PaymentMethod, 'unpaid', @NeedsReview, @ReviewReason, @ActorLabel)
    returning id, created_at
), i as (
    insert into wholesale.order_items (order_id, product_id, product_name, product_sku, product_brand, product_unit_size,
                                       quantity, unit_price, unit_cost, is_bulk_price, line_total)
    select o.id, x.product_id, x.product_name, x.product_sku, x.product_brand, x.product_unit_size,
           x.quantity, x.unit_price, x.unit_cost, x.is_bulk_price, x.line_total
    from o, jsonb_to_recordset(cast(@Items as jsonb)) as x(product_id bigint, product_name text, product_sku text, product_brand text,
                                                           product_unit_size text, quantity int, unit_price numeric,
                                                           unit_cost numeric, is_bulk_price boolean, line_total numeric)
), e as (
    insert into wholesale.order_events (order_id, kind, from_status, to_status, actor_kind, actor_id, reason)
    select o.id, 'created', null, 'pending', @ActorKind, @ActorId, @CreatedReason from o
    union all
    select o.id, 'review', null, 'pending', 'system', null, @ReviewReason from o where @NeedsReview
)
select id as "Id", created_at as "CreatedAt" from o;
