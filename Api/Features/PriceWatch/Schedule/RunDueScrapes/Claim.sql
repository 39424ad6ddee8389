-- Claims the tenant's due run: moves next_run_at by max(interval, plan minimum). No row: not due any more (claimed elsewhere).
-- The flag says whether a scrape is already running (then the run is skipped, not queued twice).
with plan as (
    select coalesce(p.min_scrape_interval_hours, 24) as min_hours
      from (select cast(@T as uuid) as t) x left join pricewatch.subscriptions sub on sub.tenant_id = x.t
      join pricewatch.plans p on p.id = coalesce(sub.plan_id, 'free')
)
update pricewatch.scrape_schedules s
   set last_run_at = now(), next_run_at = now() + greatest(s.interval_hours, (select min_hours from plan)) * interval '1 hour', updated_at = now()
 where s.tenant_id = @T and s.enabled and s.next_run_at <= now()
returning exists (select 1 from pricewatch.scrape_sessions ss where ss.tenant_id = @T and ss.status = 'running'
                   and ss.started_at > now() - interval '6 hours') as "Busy";
