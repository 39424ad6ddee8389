-- The order's whole write in one statement, so one round trip and one implicit transaction (no BEGIN/COMMIT):
-- wholesale.place_order (db/sql/wholesale/functions/place_order.sql) checks net-30 terms, locks and reserves the tracked
-- stock with ledger rows, and inserts the order, its events and its lines. One row with OrderId: placed. Rows with
-- OrderId null: the short tracked lines, and nothing was written.
select r_order_id as "OrderId", r_created_at as "CreatedAt", r_review_reason as "ReviewReason",
       r_product_id as "ProductId", r_requested as "Requested", r_available as "Available"
from wholesale.place_order(
    cast(@OrderNumber as text), cast(@CustomerId as bigint),
    cast(@DeliveryName as text), cast(@DeliveryFirstName as text), cast(@DeliveryLastName as text), cast(@DeliveryEmail as text),
    cast(@DeliveryCompany as text), cast(@DeliveryAddress as text), cast(@DeliveryCity as text), cast(@DeliveryState as text),
    cast(@DeliveryZip as text), cast(@DeliveryPhone as text), cast(@SpecialNotes as text), cast(@BillingAddress as text),
    cast(@Subtotal as numeric), cast(@DeliveryFee as numeric), cast(@PaymentMethod as text), cast(@ReviewReason as text),
    cast(@ActorLabel as text), cast(@ActorKind as text), cast(@CreatedReason as text), cast(@Items as jsonb));
