-- Orders and revenue per rep per period, the periods cut in the business time zone.
select o.sales_rep_id as "RepId", to_char(date_trunc(@Period, o.created_at at time zone @Zone), 'YYYY-MM-DD') as "PeriodStart",
       count(*) as "Orders", sum(o.total_amount) as "Revenue"
from wholesale.orders o
where o.deleted_at is null and o.sales_rep_id is not null and o.status <> 'cancelled' and o.created_at >= @Since
  and (@RepId is null or o.sales_rep_id = @RepId)
group by 1, 2
order by 1, 2;
