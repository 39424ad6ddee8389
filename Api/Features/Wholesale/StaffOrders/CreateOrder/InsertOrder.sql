-- The manual order and its 'created' event (source 'staff'); created_at may be back-dated.
with o as (
    insert into wholesale.orders (order_number, customer_id, status, source, delivery_name, delivery_first_name, delivery_last_name,
                                  delivery_email, delivery_company, delivery_address, delivery_city, delivery_state, delivery_zip,
                                  delivery_phone, special_notes, subtotal, discount_amount, delivery_fee, total_amount, amount_paid,
                                  payment_method, payment_status, staff_notes, assigned_to, sales_rep_id, created_by_staff_id,
                                  status_changed_by, payment_status_changed_at, payment_status_changed_by, created_at,
                                  confirmed_at, shipped_at, delivered_at)
    values (@OrderNumber, @CustomerId, @Status, 'staff', @DeliveryName, @DeliveryFirstName, @DeliveryLastName,
            @DeliveryEmail, @DeliveryCompany, @DeliveryAddress, @DeliveryCity, @DeliveryState, @DeliveryZip,
            @DeliveryPhone, @SpecialNotes, @Subtotal, @Discount, @Fee, @Total, @AmountPaid,
            @PaymentMethod, @PaymentStatus, @StaffNotes, @AssignedTo, @SalesRepId, @StaffId,
            @Actor, now(), @Actor, coalesce(@CreatedAt, now()),
            case when @Status in ('confirmed', 'packed', 'shipped', 'delivered') then coalesce(@CreatedAt, now()) end,
            case when @Status in ('shipped', 'delivered') then coalesce(@CreatedAt, now()) end,
            case when @Status = 'delivered' then coalesce(@CreatedAt, now()) end)
    on conflict (order_number) do nothing
    returning id
), e as (
    insert into wholesale.order_events (order_id, kind, from_status, to_status, actor_kind, actor_id, reason)
    select o.id, 'created', null, @Status, 'staff', @StaffId, 'manual order entered by staff' from o
), p as (
    insert into wholesale.payments (order_id, customer_id, method, amount, status, reference, status_changed_by, created_by)
    select o.id, @CustomerId, @PaymentRecordMethod, @AmountPaid, 'succeeded', 'manual order', @Actor, @Actor from o where @AmountPaid > 0
)
select id from o;
