-- Every live customer (not deleted, not merged) with order count and spend (orders not cancelled), oldest first.
-- One pass: the order aggregate is a hash join, so 50,000 customers and 300,000 orders stream in well under the target.
select c.first_name, c.last_name, c.company_name, c.email::text, c.phone,
       coalesce(s.order_count, 0)::bigint, coalesce(s.total_spent, 0)::numeric, c.created_at,
       c.shipping_address, c.billing_address
from wholesale.customers c
left join (
    select customer_id, count(*) as order_count, sum(total_amount) as total_spent
    from wholesale.orders where customer_id is not null and deleted_at is null and status <> 'cancelled'
    group by customer_id
) s on s.customer_id = c.id
where c.deleted_at is null and c.merged_into is null
order by c.id;
