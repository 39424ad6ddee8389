-- The import of a job as its uploader (or an admin or manager) sees it. A job that died shows failed with its reason, so
-- no import stays running forever. No row: unknown job or not the caller's.
select case when i.failure is not null then 'failed'
            when i.completed_at is not null then 'completed'
            when j.id is null or j.status in ('failed', 'cancelled') then 'failed'
            when j.status = 'running' or (j.status = 'queued' and j.attempts > 0) then 'running'
            when j.status = 'succeeded' then 'completed'
            else 'queued' end as "Status",
       case when i.completed_at is not null then coalesce(i.total_rows, 0) else coalesce(j.progress_done, 0) end as "Processed",
       case when i.completed_at is not null then i.total_rows else j.progress_total end as "Total",
       i.orders_created as "OrdersCreated", i.customers_created as "CustomersCreated", i.items_created as "ItemsCreated",
       i.unlinked_items as "UnlinkedItems", i.skipped_orders as "SkippedOrders", i.error_count as "ErrorCount", i.errors::text as "Errors",
       coalesce(i.failure, case when i.completed_at is null and (j.id is null or j.status in ('failed', 'cancelled'))
                                then 'The import job stopped: ' || coalesce(j.last_error, j.status, 'job missing') end) as "Error",
       j.progress_message as "Message", i.file_name as "FileName", i.uploaded_by as "UploadedBy", coalesce(j.attempts, 0) as "Attempts",
       i.created_at as "CreatedAt", i.completed_at as "CompletedAt"
from wholesale.sales_imports i
left join platform.jobs j on j.id = i.job_id
where i.job_id = @JobId and (@SeesAll or i.uploaded_by = @StaffId);
