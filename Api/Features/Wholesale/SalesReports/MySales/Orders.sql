-- The rep's orders of the period, newest first (at most 500); commission = rate × (subtotal − discount), earned when paid and not cancelled.
select o.id as "Id", o.order_number as "OrderNumber", o.created_at as "CreatedAt", o.customer_id as "CustomerId",
       coalesce(nullif(trim(concat_ws(' ', c.first_name, c.last_name)), ''), o.delivery_name) as "CustomerName",
       coalesce(c.company_name, o.delivery_company) as "CompanyName", o.status as "Status", o.payment_status as "PaymentStatus",
       o.payment_method as "PaymentMethod", o.subtotal as "Subtotal", o.discount_amount as "DiscountAmount", o.total_amount as "TotalAmount",
       coalesce((select sum(i.quantity) from wholesale.order_items i where i.order_id = o.id), 0) as "ItemCount",
       round(greatest(o.subtotal - o.discount_amount, 0) * @Rate / 100, 2) as "CommissionAmount",
       (o.payment_status = 'paid' and o.status <> 'cancelled') as "CommissionEarned",
       o.commission_paid as "CommissionPaid", o.commission_paid_at as "CommissionPaidAt"
from wholesale.orders o
left join wholesale.customers c on c.id = o.customer_id
where o.sales_rep_id = @RepId and o.deleted_at is null and o.created_at >= @Since
order by o.created_at desc, o.id desc
limit 500;
