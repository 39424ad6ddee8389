select h.id as "Id", h.shipment_number as "ShipmentNumber", h.supplier_id as "SupplierId", s.name as "SupplierName",
       h.rfq_id as "RfqId", h.tracking_number as "TrackingNumber", h.carrier as "Carrier", h.status as "Status",
       h.origin as "Origin", h.destination as "Destination", h.eta::text as "Eta", h.items::text as "ItemsJson",
       h.documents::text as "DocumentsJson", h.total_cost as "TotalCost", h.currency as "Currency", h.notes as "Notes",
       h.qc_flagged as "QcFlagged", h.qc_flag_reason as "QcFlagReason", h.created_at as "CreatedAt", h.updated_at as "UpdatedAt",
       h.status_changed_at as "StatusChangedAt", h.status_changed_by as "StatusChangedBy"
from wholesale.sourcing_shipments h
left join wholesale.suppliers s on s.id = h.supplier_id
where true
