-- One job of the caller's tenant (jobs are platform-wide, so the tenant filter is explicit). No row: not found.
select id as "Id", type as "Type", status as "Status", attempts as "Attempts", max_attempts as "MaxAttempts",
       progress_done as "ProgressDone", progress_total as "ProgressTotal", progress_message as "ProgressMessage",
       last_error as "LastError", result::text as "Result", created_at as "CreatedAt", started_at as "StartedAt",
       finished_at as "FinishedAt"
from platform.jobs
where id = @JobId and tenant_id = @TenantId;
