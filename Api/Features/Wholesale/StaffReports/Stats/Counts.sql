-- Live orders created in [@From, @Before) (null = unbounded) by status; revenue = totals of the ones not cancelled.
select count(*) as "TotalOrders",
       count(*) filter (where o.status = 'pending') as "Pending",
       count(*) filter (where o.status = 'confirmed') as "Confirmed",
       count(*) filter (where o.status = 'packed') as "Packed",
       count(*) filter (where o.status = 'shipped') as "Shipped",
       count(*) filter (where o.status = 'delivered') as "Delivered",
       count(*) filter (where o.status = 'cancelled') as "Cancelled",
       coalesce(sum(o.total_amount) filter (where o.status <> 'cancelled'), 0) as "TotalRevenue"
from wholesale.orders o
where o.deleted_at is null
  and (@From::timestamptz is null or o.created_at >= @From)
  and (@Before::timestamptz is null or o.created_at < @Before)
  and (@RepId::bigint is null or o.sales_rep_id = @RepId);
