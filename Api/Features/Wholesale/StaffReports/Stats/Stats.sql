-- Counts of live orders created since @From (null = all time) by status; revenue = totals of the ones not cancelled.
-- needs_attention is the current work list, whatever the range (see docs/wholesale.md).
select count(*) as "TotalOrders",
       count(*) filter (where o.status = 'pending') as "Pending",
       count(*) filter (where o.status = 'confirmed') as "Confirmed",
       count(*) filter (where o.status = 'packed') as "Packed",
       count(*) filter (where o.status = 'shipped') as "Shipped",
       count(*) filter (where o.status = 'delivered') as "Delivered",
       count(*) filter (where o.status = 'cancelled') as "Cancelled",
       coalesce(sum(o.total_amount) filter (where o.status <> 'cancelled'), 0) as "TotalRevenue",
       (select count(*) from wholesale.orders a
         where a.deleted_at is null and (@RepId::bigint is null or a.sales_rep_id = @RepId)
           and (a.refund_failed
                or (a.status in ('pending', 'confirmed', 'packed', 'shipped')
                    and (a.needs_review or a.payment_status in ('check_review', 'failed')
                         or (a.status = 'pending' and a.created_at < now() - interval '24 hours'))))) as "NeedsAttention"
from wholesale.orders o
where o.deleted_at is null
  and (@From::timestamptz is null or o.created_at >= @From)
  and (@RepId::bigint is null or o.sales_rep_id = @RepId);
