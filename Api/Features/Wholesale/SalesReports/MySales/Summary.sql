select count(*) filter (where o.created_at >= @Since and o.status <> 'cancelled') as "PeriodOrders",
       coalesce(sum(o.total_amount) filter (where o.created_at >= @Since and o.status <> 'cancelled'), 0) as "PeriodRevenue",
       count(*) filter (where o.status <> 'cancelled') as "AllTimeOrders",
       coalesce(sum(o.total_amount) filter (where o.status <> 'cancelled'), 0) as "AllTimeRevenue"
from wholesale.orders o
where o.sales_rep_id = @RepId and o.deleted_at is null;
