select q.id as "Id", q.shipment_id as "ShipmentId", h.shipment_number as "ShipmentNumber", q.supplier_id as "SupplierId",
       q.product_id as "ProductId", q.product_name as "ProductName", q.inspection_date::text as "InspectionDate",
       q.inspector as "Inspector", q.result as "Result", q.notes as "Notes", q.defects::text as "DefectsJson",
       q.images::text as "ImagesJson", q.created_by as "CreatedBy", q.created_at as "CreatedAt", q.updated_at as "UpdatedAt"
from wholesale.qc_inspections q
left join wholesale.sourcing_shipments h on h.id = q.shipment_id
where true
