select id as "Id", order_number as "OrderNumber", status as "Status", payment_status as "PaymentStatus", sales_rep_id as "SalesRepId",
       amount_paid as "AmountPaid"
from wholesale.orders where id = @OrderId and deleted_at is null
for update;
