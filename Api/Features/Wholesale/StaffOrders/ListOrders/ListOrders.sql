-- One page of live orders, newest first. The handler puts the conditions of the filters the caller set at the WHERE marker
-- (Filters.sql), so each combination is its own prepared statement with a plan that fits it.
select o.id as "Id", o.order_number as "OrderNumber", o.customer_id as "UserId", o.status as "Status", o.sales_rep_id as "SalesRepId",
       nullif(trim(coalesce(s.first_name, '') || ' ' || coalesce(s.last_name, '')), '') as "SalesRepName",
       o.delivery_name as "DeliveryName", o.delivery_company as "DeliveryCompany", o.delivery_email::text as "DeliveryEmail",
       o.delivery_phone as "DeliveryPhone", o.delivery_city as "DeliveryCity", o.delivery_state as "DeliveryState",
       o.subtotal as "Subtotal", o.discount_amount as "DiscountAmount", o.delivery_fee as "DeliveryFee", o.total_amount as "TotalAmount",
       o.amount_paid as "AmountPaid", o.payment_method as "PaymentMethod", o.payment_status as "PaymentStatus", o.staff_notes as "StaffNotes",
       o.assigned_to as "AssignedTo", o.tracking_number as "TrackingNumber", o.needs_review as "NeedsReview",
       coalesce((select sum(i.quantity) from wholesale.order_items i where i.order_id = o.id), 0)::int as "ItemCount",
       o.created_at as "CreatedAt", o.shipped_at as "ShippedAt"
from wholesale.orders o
left join wholesale.staff_users s on s.id = o.sales_rep_id
where o.deleted_at is null /*WHERE*/
order by o.created_at desc, o.id desc
limit @Limit offset @Offset;
