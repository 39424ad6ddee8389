-- The list's filter conditions, one per line, each taken only when its filter is set (the marker names the filter).
-- status:  served with the dates by orders_status (0001: status, created_at desc; live orders)
-- rep:     served with the dates by orders_rep_live_created (0021: sales_rep_id, created_at desc, id desc; live orders)
-- number:  an order-number-like search, a prefix of the number (orders_number, 0029: unique, text_pattern_ops; byte order)
-- search:  a substring of number, name, company, email and phone (the expression of the trigram index orders_search_trgm, 0007)
/*status*/ and o.status = @Status
/*rep*/ and o.sales_rep_id = @RepId
/*from*/ and o.created_at >= @From
/*to*/ and o.created_at < @To
/*number*/ and o.order_number ~>=~ @NumberFrom and o.order_number ~<~ @NumberTo
/*search*/ and lower(o.order_number || ' ' || coalesce(o.delivery_name, '') || ' ' || coalesce(o.delivery_company, '') || ' ' || coalesce(o.delivery_email::text, '') || ' ' || coalesce(o.delivery_phone, '')) like @Search
