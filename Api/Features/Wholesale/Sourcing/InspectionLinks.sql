-- Do the links of a QC inspection exist (null links are fine), and whose is the shipment?
select (@ShipmentId::bigint is null or h.id is not null) as "ShipmentOk", h.supplier_id as "ShipmentSupplierId",
       (@SupplierId::bigint is null or exists (select 1 from wholesale.suppliers s where s.id = @SupplierId::bigint)) as "SupplierOk",
       (@ProductId::bigint is null or p.id is not null) as "ProductOk", p.name as "ProductName"
from (select 1) x
left join wholesale.sourcing_shipments h on h.id = @ShipmentId::bigint
left join wholesale.products p on p.id = @ProductId::bigint and p.deleted_at is null;
