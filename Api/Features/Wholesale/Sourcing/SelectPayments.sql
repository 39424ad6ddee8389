select p.id as "Id", p.supplier_id as "SupplierId", s.name as "SupplierName", p.rfq_id as "RfqId", p.shipment_id as "ShipmentId",
       p.amount as "Amount", p.currency as "Currency", p.payment_date::text as "PaymentDate", p.status as "Status", p.notes as "Notes",
       p.created_at as "CreatedAt", p.updated_at as "UpdatedAt", p.status_changed_at as "StatusChangedAt",
       p.status_changed_by as "StatusChangedBy"
from wholesale.supplier_payments p
join wholesale.suppliers s on s.id = p.supplier_id
where true
