-- The whole order in one statement, so one round trip and one implicit transaction (no BEGIN/COMMIT):
-- wholesale.place_order (db/sql/wholesale/functions/place_order.sql) resolves and prices the lines from the catalog, checks
-- net-30 terms, locks and reserves the tracked stock with ledger rows, and inserts the order, its events and its lines.
-- Rows by r_kind: 'placed' (one per line, with the order), 'unknown' (one per unknown line), 'too_large', 'short' (one per
-- short line); for every kind but 'placed' nothing was written.
select r_kind as "Kind", r_line as "Line", r_product_id as "ProductId", r_product_name as "ProductName",
       r_product_sku as "ProductSku", r_product_brand as "ProductBrand", r_product_unit_size as "ProductUnitSize",
       r_quantity as "Quantity", r_unit_price as "UnitPrice", r_is_bulk_price as "IsBulkPrice", r_line_total as "LineTotal",
       r_available as "Available", r_order_id as "OrderId", r_created_at as "CreatedAt", r_review_reason as "ReviewReason",
       r_subtotal as "Subtotal", r_delivery_fee as "DeliveryFee"
from wholesale.place_order(
    cast(@OrderNumber as text), cast(@CustomerId as bigint),
    cast(@DeliveryName as text), cast(@DeliveryFirstName as text), cast(@DeliveryLastName as text), cast(@DeliveryEmail as text),
    cast(@DeliveryCompany as text), cast(@DeliveryAddress as text), cast(@DeliveryCity as text), cast(@DeliveryState as text),
    cast(@DeliveryZip as text), cast(@DeliveryPhone as text), cast(@SpecialNotes as text), cast(@BillingAddress as text),
    cast(@PaymentMethod as text), cast(@ReviewReason as text), cast(@ActorLabel as text), cast(@ActorKind as text),
    cast(@CreatedReason as text), cast(@Lines as jsonb), cast(@MaxQuantity as int), cast(@FreeDeliveryFrom as numeric),
    cast(@DeliveryFee as numeric));
