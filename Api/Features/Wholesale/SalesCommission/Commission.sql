-- An order's commission: the rep's rate of merchandise net of discount (subtotal − discount_amount, never below 0).
select o.id as "Id", o.order_number as "OrderNumber", o.sales_rep_id as "SalesRepId", o.status as "Status",
       o.payment_status as "PaymentStatus", o.commission_paid as "CommissionPaid", coalesce(r.commission_rate, 5) as "Rate",
       round(greatest(o.subtotal - o.discount_amount, 0) * coalesce(r.commission_rate, 5) / 100, 2) as "Amount"
from wholesale.orders o
left join wholesale.staff_users r on r.id = o.sales_rep_id
where o.deleted_at is null and o.order_number = any(@Numbers)
