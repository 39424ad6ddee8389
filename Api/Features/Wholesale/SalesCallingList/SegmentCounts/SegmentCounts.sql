-- The staff member's calls logged today and orders attributed to them today (live, not cancelled), business time zone.
with day as (select (cast(@Today as timestamp) at time zone @Tz) as starts)
select (select count(*)::int from wholesale.calling_list_calls k, day d where k.staff_id = @StaffId and k.called_at >= d.starts) as "Calls",
       count(o.id)::int as "Orders", coalesce(sum(o.total_amount), 0) as "Revenue"
from day d
left join wholesale.orders o on o.sales_rep_id = @StaffId and o.created_at >= d.starts and o.deleted_at is null and o.status <> 'cancelled';
