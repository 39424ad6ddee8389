-- One live order as the staff portal shows it.
select o.id as "Id", o.order_number as "OrderNumber", o.customer_id as "UserId", o.status as "Status", o.sales_rep_id as "SalesRepId",
       nullif(trim(coalesce(s.first_name, '') || ' ' || coalesce(s.last_name, '')), '') as "SalesRepName",
       o.delivery_name as "DeliveryName", o.delivery_first_name as "DeliveryFirstName", o.delivery_last_name as "DeliveryLastName",
       o.delivery_email::text as "DeliveryEmail", o.delivery_company as "DeliveryCompany", o.delivery_address as "DeliveryAddress",
       o.delivery_city as "DeliveryCity", o.delivery_state as "DeliveryState", o.delivery_zip as "DeliveryZip", o.delivery_phone as "DeliveryPhone",
       o.special_notes as "SpecialNotes", o.subtotal as "Subtotal", o.discount_amount as "DiscountAmount", o.delivery_fee as "DeliveryFee",
       o.total_amount as "TotalAmount", o.amount_paid as "AmountPaid", o.payment_method as "PaymentMethod", o.payment_status as "PaymentStatus",
       o.staff_notes as "StaffNotes", o.assigned_to as "AssignedTo", o.tracking_number as "TrackingNumber", o.needs_review as "NeedsReview",
       o.refund_failed as "RefundFailed", o.created_at as "CreatedAt", o.confirmed_at as "ConfirmedAt", o.shipped_at as "ShippedAt",
       o.delivered_at as "DeliveredAt"
from wholesale.orders o
left join wholesale.staff_users s on s.id = o.sales_rep_id
where o.id = @Id and o.deleted_at is null;
