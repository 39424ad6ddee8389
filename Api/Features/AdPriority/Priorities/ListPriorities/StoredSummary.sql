-- The distribution summary of the tenant's live scores when the only filters are on priority: read from score_summary
-- (maintained by triggers on priority_scores, db/sql/adpriority/0004_score_summary.sql) instead of aggregating every score.
-- At the FILTERS marker: the handler's priority conditions (the same columns exist here).
select s.priority as "Priority", s.scored as "Count", s.overrides as "Overrides", s.last_calculated as "LastCalculated"
from adpriority.score_summary s
where s.tenant_id = @TenantId and s.scored > 0
  /*FILTERS*/;
