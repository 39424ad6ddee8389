-- Orders attributed to a rep, filtered as asked (dates in the business time zone). Revenue sums leave cancelled orders out.
with f as (
    select o.*, coalesce(nullif(trim(concat_ws(' ', c.first_name, c.last_name)), ''), o.delivery_name) as customer_name,
           coalesce(c.company_name, o.delivery_company) as company,
           coalesce(nullif(trim(concat_ws(' ', r.first_name, r.last_name)), ''), r.username::text) as rep_name
    from wholesale.orders o
    left join wholesale.customers c on c.id = o.customer_id
    join wholesale.staff_users r on r.id = o.sales_rep_id
    where o.deleted_at is null and o.sales_rep_id is not null
      and (@RepId is null or o.sales_rep_id = @RepId)
      and (@From is null or o.created_at >= (cast(@From as date)::timestamp at time zone @Zone))
      and (@To is null or o.created_at < ((cast(@To as date) + 1)::timestamp at time zone @Zone))
      and (@Status is null or o.status = @Status)
      and (@Like is null or o.order_number ilike @Like or c.company_name ilike @Like or c.first_name ilike @Like
           or c.last_name ilike @Like or c.email::text ilike @Like or o.delivery_name ilike @Like)
)
