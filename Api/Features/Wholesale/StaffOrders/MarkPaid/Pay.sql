-- Records the manual payment on the locked order: a payments row with the amount received, amount_paid raised by the part
-- that covers the balance, payment_status paid or partial, the note appended to staff_notes, and a payment event.
with p as (
    insert into wholesale.payments (order_id, customer_id, method, amount, status, reference, notes, status_changed_by, created_by)
    values (@Id, @CustomerId, @Method, @Received, 'succeeded', 'manual', @Note, @Actor, @Actor)
    returning id
), u as (
    update wholesale.orders
       set amount_paid = amount_paid + @Applied,
           payment_status = case when amount_paid + @Applied >= total_amount then 'paid' else 'partial' end,
           payment_method = @Method,
           staff_notes = case when @Note::text is null then staff_notes
                              else coalesce(staff_notes || E'\n', '') || @Note end,
           payment_status_changed_at = now(), payment_status_changed_by = @Actor, updated_at = now()
     where id = @Id
    returning id, payment_status, payment_method, staff_notes
), e as (
    insert into wholesale.order_events (order_id, kind, from_status, to_status, actor_kind, actor_id, reason)
    select u.id, 'payment', @PreviousStatus, u.payment_status, @ActorKind, @ActorId, @Reason from u
)
select id as "Id", payment_status as "PaymentStatus", payment_method as "PaymentMethod", staff_notes as "StaffNotes" from u;
