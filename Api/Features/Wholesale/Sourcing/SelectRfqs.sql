select r.id as "Id", r.rfq_number as "RfqNumber", r.status as "Status", r.source as "Source", r.product_id as "ProductId",
       pr.name as "ProductName", r.title as "Title", r.description as "Description", r.quantity as "Quantity", r.unit as "Unit",
       r.target_unit_price as "TargetUnitPrice", r.needed_by::text as "NeededBy", r.notes as "Notes", r.customer_id as "CustomerId",
       coalesce((select json_agg(json_build_object('id', q.id, 'supplier_id', q.supplier_id, 'supplier_name', s.name, 'price', q.price,
                                                   'moq', q.moq, 'lead_time', q.lead_time, 'notes', q.notes, 'created_at', q.created_at)
                                 order by q.id)
                 from wholesale.rfq_quotes q join wholesale.suppliers s on s.id = q.supplier_id
                 where q.rfq_id = r.id), '[]'::json)::text as "QuotesJson",
       r.awarded_supplier_id as "AwardedSupplierId", r.awarded_price as "AwardedPrice", r.awarded_at as "AwardedAt",
       r.awarded_by as "AwardedBy", r.created_by as "CreatedBy", r.created_at as "CreatedAt", r.updated_at as "UpdatedAt",
       r.status_changed_at as "StatusChangedAt", r.status_changed_by as "StatusChangedBy"
from wholesale.rfqs r
left join wholesale.products pr on pr.id = r.product_id
where true
