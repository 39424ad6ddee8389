-- A scrape session of the tenant; a session whose job died (worker lost, lease expired) reads as failed. No row: not found.
select s.id as "Id",
       case when s.status = 'running' and j.status in ('failed', 'cancelled') then 'failed' else s.status end as "Status",
       s.competitor_id as "CompetitorId", s.trigger as "Trigger", s.total_targets as "TotalTargets",
       s.completed_targets as "CompletedTargets", s.successful_scrapes as "SuccessfulScrapes", s.failed_scrapes as "FailedScrapes",
       s.total_products as "TotalProducts",
       case when s.total_targets = 0 then 0 else round(100.0 * s.completed_targets / s.total_targets, 2) end as "ProgressPercent",
       coalesce(s.error_message, case when s.status = 'running' and j.status = 'failed' then j.last_error end) as "ErrorMessage",
       s.started_at as "StartedAt", s.completed_at as "CompletedAt"
  from pricewatch.scrape_sessions s
  left join platform.jobs j on j.id = s.job_id
 where s.id = @SessionId and s.tenant_id = @TenantId;
