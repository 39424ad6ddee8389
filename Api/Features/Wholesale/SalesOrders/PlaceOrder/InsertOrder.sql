-- The order, attributed to the rep (sales_rep_id, created_by_staff_id), and its creation event (plus review when flagged).
with o as (
    insert into wholesale.orders (order_number, customer_id, status, source, delivery_name, delivery_first_name, delivery_last_name,
                                  delivery_email, delivery_company, delivery_address, delivery_phone, special_notes, billing_address,
                                  subtotal, discount_amount, delivery_fee, total_amount, payment_method, payment_status, needs_review,
                                  review_reason, sales_rep_id, created_by_staff_id, status_changed_by)
    values (@OrderNumber, @CustomerId, 'pending', 'sales', @DeliveryName, @FirstName, @LastName,
            @Email, @Company, @Address, @Phone, @Notes, @Billing,
            @Subtotal, @Discount, @Fee, @Total, @PaymentMethod, 'unpaid', @NeedsReview,
            @ReviewReason, @StaffId, @StaffId, 'staff:' || @StaffId)
    returning id, created_at
), e as (
    insert into wholesale.order_events (order_id, kind, from_status, to_status, actor_kind, actor_id, reason)
    select o.id, 'created', null, 'pending', 'staff', @StaffId, 'placed by sales rep' from o
    union all
    select o.id, 'review', null, 'pending', 'system', null, @ReviewReason from o where @NeedsReview
)
select id as "Id", created_at as "CreatedAt" from o;
