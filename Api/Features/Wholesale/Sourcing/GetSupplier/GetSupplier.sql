-- The supplier with its counts. No row: not found.
select x.*,
       (select count(*) from (select q.rfq_id from wholesale.rfq_quotes q where q.supplier_id = x."Id"
                              union select r.id from wholesale.rfqs r where r.awarded_supplier_id = x."Id") u)::int as "RfqCount",
       (select count(*) from wholesale.sourcing_shipments h where h.supplier_id = x."Id")::int as "ShipmentCount",
       (select count(*) from wholesale.sourcing_shipments h where h.supplier_id = x."Id"
                                                            and h.status not in ('received', 'cancelled'))::int as "ActiveShipments"
from (
/*supplier*/
and s.id = @Sid
) x;
