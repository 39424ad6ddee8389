-- Per rep over the window (non-cancelled orders): orders, revenue, average, customers served, customers whose first order ever
-- came through this rep in the window, calls logged on the calling list in the window and conversion (orders per call, null
-- without calls), and commission (rate × (subtotal − discount)) earned on paid orders and paid out.
with w as (
    select o.* from wholesale.orders o
    where o.deleted_at is null and o.sales_rep_id is not null and o.status <> 'cancelled' and o.created_at >= @Since
      and (@RepId is null or o.sales_rep_id = @RepId)
), firsts as (
    select distinct on (o.customer_id) o.customer_id, o.sales_rep_id, o.created_at
    from wholesale.orders o
    where o.deleted_at is null and o.customer_id is not null and o.status <> 'cancelled'
    order by o.customer_id, o.created_at, o.id
)
select r.id as "RepId", coalesce(nullif(trim(concat_ws(' ', r.first_name, r.last_name)), ''), r.username::text) as "Name",
       r.username::text as "Username", r.is_active as "IsActive",
       count(w.id) as "Orders", coalesce(sum(w.total_amount), 0) as "Revenue",
       coalesce(round(avg(w.total_amount), 2), 0) as "AverageOrder",
       (select count(*) from firsts f where f.sales_rep_id = r.id and f.created_at >= @Since) as "NewCustomers",
       count(distinct w.customer_id) as "Customers",
       k.calls as "Calls",
       case when k.calls > 0 then round(count(w.id)::numeric / k.calls, 4)::float8 end as "Conversion",
       r.commission_rate as "CommissionRate",
       coalesce(sum(round(greatest(w.subtotal - w.discount_amount, 0) * r.commission_rate / 100, 2)) filter (where w.payment_status = 'paid'), 0) as "CommissionEarned",
       coalesce(sum(round(greatest(w.subtotal - w.discount_amount, 0) * r.commission_rate / 100, 2)) filter (where w.payment_status = 'paid' and w.commission_paid), 0) as "CommissionPaid"
from wholesale.staff_users r
left join w on w.sales_rep_id = r.id
cross join lateral (select count(*) as calls from wholesale.calling_list_calls c where c.staff_id = r.id and c.called_at >= @Since) k
where (r.role = 'sales_rep' or exists (select 1 from w x where x.sales_rep_id = r.id)) and (@RepId is null or r.id = @RepId)
group by r.id, k.calls
order by "Revenue" desc, r.id;
