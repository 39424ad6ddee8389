-- Recomputes the QC flag of the given shipments: flagged while any inspection of theirs failed. A shipment that becomes
-- flagged gets a timeline event naming the inspection.
with flags as (
    select h.id, h.status, h.qc_flagged as was,
           exists (select 1 from wholesale.qc_inspections q where q.shipment_id = h.id and q.result = 'fail') as now_flagged,
           (select string_agg('#' || q.id, ', ' order by q.id) from wholesale.qc_inspections q where q.shipment_id = h.id and q.result = 'fail') as failed
    from wholesale.sourcing_shipments h
    where h.id = any(@ShipmentIds::bigint[])
    for update of h
), updated as (
    update wholesale.sourcing_shipments h
       set qc_flagged = f.now_flagged,
           qc_flag_reason = case when f.now_flagged then 'QC inspection ' || f.failed || ' failed' end,
           updated_at = now()
      from flags f
     where h.id = f.id and (h.qc_flagged is distinct from f.now_flagged or h.qc_flag_reason is distinct from
                            case when f.now_flagged then 'QC inspection ' || f.failed || ' failed' end)
    returning h.id
)
insert into wholesale.sourcing_shipment_events (shipment_id, from_status, status, event, recorded_by, actor_id)
select f.id, f.status, f.status,
       case when f.now_flagged then 'QC inspection #' || @InspectionId || ' failed: shipment flagged' else 'QC flag cleared' end,
       @Actor, @StaffId::bigint
from flags f
where f.was is distinct from f.now_flagged;
