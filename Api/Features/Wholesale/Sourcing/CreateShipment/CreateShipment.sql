-- The shipment (numbered gap-free per business year), its product lines and its first timeline event.
with shipment as (
    insert into wholesale.sourcing_shipments (shipment_number, supplier_id, rfq_id, tracking_number, carrier, status, origin, destination,
                                              eta, items, documents, total_cost, currency, notes, created_by, status_changed_by)
    values (wholesale.next_doc_number('SHP', @Year), @SupplierId::bigint, @RfqId::bigint, @TrackingNumber::text, @Carrier::text, @Status,
            @Origin::text, @Destination, @Eta::date, @Items::jsonb, @Documents::jsonb, @TotalCost::numeric, @Currency, @Notes::text,
            @StaffId::bigint, @Actor)
    returning id, status
), lines as (
    insert into wholesale.sourcing_shipment_items (shipment_id, product_id, quantity)
    select s.id, (l->>'product_id')::bigint, (l->>'quantity')::int from shipment s cross join jsonb_array_elements(@Lines::jsonb) l
), event as (
    insert into wholesale.sourcing_shipment_events (shipment_id, from_status, status, event, recorded_by, actor_id)
    select id, null, status, 'Shipment created', @Actor, @StaffId::bigint from shipment
)
select id from shipment;
