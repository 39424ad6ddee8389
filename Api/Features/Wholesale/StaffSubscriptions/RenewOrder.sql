-- The renewal's order (source subscription) and its creation event; the line follows after the stock is reserved (as
-- PlaceOrder does: the line's foreign key must not lock the product before the reservation does).
with o as (
    insert into wholesale.orders (order_number, customer_id, status, source, delivery_name, delivery_email, delivery_company,
                                  delivery_address, delivery_city, delivery_state, delivery_zip, delivery_phone, special_notes,
                                  subtotal, discount_amount, delivery_fee, total_amount, payment_method, payment_status, status_changed_by)
    values (@OrderNumber, @CustomerId, 'pending', 'subscription', @DeliveryName, @DeliveryEmail, @DeliveryCompany,
            @DeliveryAddress, @DeliveryCity, @DeliveryState, @DeliveryZip, @DeliveryPhone, @Notes,
            @Subtotal, @Discount, @DeliveryFee, @Total, @PaymentMethod, 'unpaid', @ActorLabel)
    returning id, created_at
), e as (
    insert into wholesale.order_events (order_id, kind, from_status, to_status, actor_kind, actor_id, reason)
    select o.id, 'created', null, 'pending', @ActorKind, @ActorId, @Reason from o
)
select id as "Id" from o;
