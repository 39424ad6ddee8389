-- Bill extraction (issue 12, "Catalog, bills, utilities"). The extraction runs as a durable platform job, whose id is a
-- bigint (0001's uuid bills.job_id cannot hold it and stays unused). bill_items keeps the matched product's unit as it was
-- when the line was matched (the document's our_unit).
alter table wholesale.bills add column extraction_job_id bigint;
alter table wholesale.bill_items add column our_unit text;

-- A bill's extraction status as callers see it: the bill's own status once it is final, otherwise what its job says.
-- A job that died (failed after its last attempt, lease expired, or cancelled) shows the bill as failed with the reason,
-- so no bill stays 'processing' forever.
create view wholesale.bill_states as
select b.id as bill_id,
       case when b.extraction_status in ('completed', 'failed') then b.extraction_status
            when j.status in ('failed', 'cancelled') then 'failed'
            when b.extraction_job_id is not null and j.id is null then 'failed'
            when j.status = 'running' or (j.status = 'queued' and j.attempts > 0) then 'processing'
            else b.extraction_status end as extraction_status,
       case when b.extraction_status in ('completed', 'failed') then b.extraction_error
            when j.status in ('failed', 'cancelled') then 'Extraction job stopped: ' || coalesce(j.last_error, j.status)
            when b.extraction_job_id is not null and j.id is null then 'Extraction job no longer exists; reprocess the bill'
            else b.extraction_error end as extraction_error,
       j.progress_message as progress_message
from wholesale.bills b
left join platform.jobs j on j.id = b.extraction_job_id;
