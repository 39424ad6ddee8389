-- A shipment's events, oldest first.
select e.id as "Id", e.from_status as "FromStatus", e.status as "Status", e.event as "EventText", e.notes as "Notes",
       e.location as "Location", e.recorded_by as "RecordedBy", e.created_at as "CreatedAt"
from wholesale.sourcing_shipment_events e
where e.shipment_id = @Sid
order by e.id;
