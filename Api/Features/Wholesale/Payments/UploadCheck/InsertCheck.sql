-- A check payment awaiting staff review (images are added encrypted right after, in the same transaction), the order's
-- payment status moved to check_review, and the event recorded. Returns the payment id.
with p as (
    insert into wholesale.payments (order_id, customer_id, method, amount, status, check_front_type, check_front_name,
                                    check_back_type, check_back_name, status_changed_by, created_by)
    values (@OrderId, @CustomerId, 'check', @Amount, 'under_review', @FrontType, @FrontName, @BackType, @BackName, @Actor, @Actor)
    returning id
), u as (
    update wholesale.orders
       set payment_status = 'check_review', payment_status_changed_at = now(), payment_status_changed_by = @Actor, updated_at = now()
     where id = @OrderId
), e as (
    insert into wholesale.order_events (order_id, kind, from_status, to_status, actor_kind, actor_id, reason)
    values (@OrderId, 'payment', @From, 'check_review', @ActorKind, @ActorId, @Reason)
)
select id from p;
