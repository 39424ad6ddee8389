-- The subscription's renewal attempts (newest first), the customer's 50 latest orders and their 50 latest lines of the product.
select r.id as "Id", r.subscription_id as "SubscriptionId", r.period_date as "Period", r.attempt as "Attempt", r.status as "Status",
       r.trigger as "Trigger", r.amount as "Amount", r.order_id as "OrderId", o.order_number as "OrderNumber",
       r.stripe_payment_intent_id as "Intent", r.error as "Error", r.created_at as "CreatedAt"
from wholesale.subscription_renewals r left join wholesale.orders o on o.id = r.order_id
where r.subscription_id = @SubId
order by r.created_at desc, r.id desc;
