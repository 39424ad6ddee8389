-- How many live orders match the list's filters (same predicates as ListOrders.sql).
select count(*)
from wholesale.orders o
where o.deleted_at is null
  and (@Status::text is null or o.status = @Status)
  and (@RepId::bigint is null or o.sales_rep_id = @RepId)
  and (@From::timestamptz is null or o.created_at >= @From)
  and (@To::timestamptz is null or o.created_at < @To)
  and (@Search::text is null or lower(o.order_number || ' ' || coalesce(o.delivery_name, '') || ' ' || coalesce(o.delivery_company, '') || ' ' ||
                                      coalesce(o.delivery_email::text, '') || ' ' || coalesce(o.delivery_phone, '')) like @Search);
