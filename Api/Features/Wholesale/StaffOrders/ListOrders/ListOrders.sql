-- One page of live orders, newest first. Filters are optional (null = no filter); dates are business days in @Zone.
-- The search matches the expression of the orders_search_trgm index (0007).
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
where o.deleted_at is null
  and (@Status::text is null or o.status = @Status)
  and (@RepId::bigint is null or o.sales_rep_id = @RepId)
  and (@From::timestamptz is null or o.created_at >= @From)
  and (@To::timestamptz is null or o.created_at < @To)
  and (@Search::text is null or lower(o.order_number || ' ' || coalesce(o.delivery_name, '') || ' ' || coalesce(o.delivery_company, '') || ' ' ||
                                      coalesce(o.delivery_email::text, '') || ' ' || coalesce(o.delivery_phone, '')) like @Search)
order by o.created_at desc, o.id desc
limit @Limit offset @Offset;
