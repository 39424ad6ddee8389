-- Tenants with a sheet and a schedule (not 'manual'), installed and active: the scheduler decides who is due from their settings.
select id from adpriority.tenants
where status = 'active' and google_sheet_id is not null and sync_frequency <> 'manual'
order by id;
