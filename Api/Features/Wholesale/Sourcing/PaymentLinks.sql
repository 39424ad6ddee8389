-- A payment's RFQ belongs to its supplier when awarded to it (or, not yet awarded, quoted by it); its shipment when the
-- shipment is from that supplier. Null links are fine.
select exists (select 1 from wholesale.suppliers s where s.id = @SupplierId) as "SupplierOk",
       (@RfqId::bigint is null or r.id is not null) as "RfqExists",
       (@RfqId::bigint is null or r.awarded_supplier_id = @SupplierId
            or (r.awarded_supplier_id is null and exists (select 1 from wholesale.rfq_quotes q where q.rfq_id = r.id and q.supplier_id = @SupplierId)))
           as "RfqOfSupplier",
       (@ShipmentId::bigint is null or h.id is not null) as "ShipmentExists",
       (@ShipmentId::bigint is null or h.supplier_id = @SupplierId) as "ShipmentOfSupplier"
from (select 1) x
left join wholesale.rfqs r on r.id = @RfqId::bigint
left join wholesale.sourcing_shipments h on h.id = @ShipmentId::bigint;
