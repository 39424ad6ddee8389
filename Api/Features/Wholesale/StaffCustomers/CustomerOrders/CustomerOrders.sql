-- The orders of a live customer (deleted orders left out), newest first, each with its lines, as one JSON array.
-- No row: the customer does not exist (or was deleted or merged).
select coalesce((
    select json_agg(json_build_object(
        'id', o.id, 'order_number', o.order_number, 'status', o.status, 'source', o.source,
        'payment_method', o.payment_method, 'payment_status', o.payment_status,
        'subtotal', o.subtotal, 'discount_amount', o.discount_amount, 'delivery_fee', o.delivery_fee,
        'total_amount', o.total_amount, 'amount_paid', o.amount_paid,
        'delivery_name', o.delivery_name, 'delivery_company', o.delivery_company, 'delivery_address', o.delivery_address,
        'delivery_city', o.delivery_city, 'delivery_state', o.delivery_state, 'delivery_zip', o.delivery_zip,
        'delivery_phone', o.delivery_phone, 'delivery_email', o.delivery_email, 'special_notes', o.special_notes,
        'tracking_number', o.tracking_number, 'carrier', o.carrier, 'created_at', o.created_at,
        'items', (select coalesce(json_agg(json_build_object(
                      'id', i.id, 'product_id', i.product_id, 'product_name', i.product_name, 'product_sku', i.product_sku,
                      'product_brand', i.product_brand, 'product_unit_size', i.product_unit_size, 'quantity', i.quantity,
                      'unit_price', i.unit_price, 'is_bulk_price', i.is_bulk_price, 'line_total', i.line_total) order by i.id), '[]')
                  from wholesale.order_items i where i.order_id = o.id)
    ) order by o.created_at desc, o.id desc)
    from wholesale.orders o where o.customer_id = c.id and o.deleted_at is null
), '[]')::text as "Orders"
from wholesale.customers c
where c.id = @UserId and c.deleted_at is null and c.merged_into is null;
