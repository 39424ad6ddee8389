select s.customer_id as "CustomerId",
       nullif(trim(concat_ws(' ', c.first_name, c.last_name)), '') as "Name", c.company_name as "CompanyName",
       c.email::text as "Email", c.phone as "Phone", s.tier as "Tier", s.p_alive as "PAlive",
       s.expected_orders_90d as "ExpectedOrders90d", s.expected_order_value as "ExpectedOrderValue",
       s.value_12m as "PredictedValue12m", s.x as "X", s.t_x as "TX", s.t as "T", s.orders_count as "OrdersCount",
       s.total_spent as "TotalSpent", s.first_order_at as "FirstOrderAt", s.last_order_at as "LastOrderAt",
       s.run_id as "RunId", s.computed_at as "ComputedAt"
from wholesale.customer_scores s
join wholesale.customers c on c.id = s.customer_id
