-- Tenants (any) with an enabled, due schedule on a plan that includes automatic scraping. Read in platform scope.
select s.tenant_id
  from pricewatch.scrape_schedules s
  left join pricewatch.subscriptions sub on sub.tenant_id = s.tenant_id
  join pricewatch.plans p on p.id = coalesce(sub.plan_id, 'free')
 where s.enabled and s.next_run_at <= now() and p.auto_scrape and coalesce(sub.status, 'active') not in ('canceled', 'unpaid')
 order by s.next_run_at
 limit 100;
