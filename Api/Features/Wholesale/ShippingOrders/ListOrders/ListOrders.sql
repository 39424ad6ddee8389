-- The warehouse list. {filter} and {order} are replaced from whitelists by the handler (never from raw input).
select o.id as "Id", o.order_number as "OrderNumber", o.customer_id as "UserId", o.status as "Status", o.created_at as "CreatedAt",
       o.delivery_name as "DeliveryName", o.delivery_company as "DeliveryCompany", o.delivery_address as "DeliveryAddress",
       o.delivery_city as "DeliveryCity", o.delivery_state as "DeliveryState", o.delivery_zip as "DeliveryZip",
       o.delivery_phone as "DeliveryPhone", o.delivery_email::text as "DeliveryEmail", o.special_notes as "SpecialNotes",
       o.payment_method as "PaymentMethod", o.payment_status as "PaymentStatus", o.needs_review as "NeedsReview",
       (not o.needs_review and not (o.payment_method in ('card', 'check') and o.payment_status <> 'paid')) as "ReadyToPick",
       o.total_amount as "TotalAmount", o.shipping_cost as "ShippingCost", o.tracking_number as "TrackingNumber", o.carrier as "Carrier",
       (select coalesce(sum(i.quantity), 0)::int from wholesale.order_items i where i.order_id = o.id) as "ItemCount",
       (select count(*)::int from wholesale.shipping_labels l where l.order_id = o.id and l.voided_at is null) as "LabelCount",
       o.status_changed_at as "StatusChangedAt", o.status_changed_by as "StatusChangedBy"
from wholesale.orders o
where o.deleted_at is null {filter}
order by {order}
limit @Limit;
