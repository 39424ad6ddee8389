-- Finished jobs older than @Days days go; queued and running ones always stay.
delete from platform.jobs
where status in ('succeeded', 'failed', 'cancelled')
  and finished_at < now() - make_interval(days => @Days);
