-- Distribution of the filtered live scores: per priority, how many, how many locked, latest calculation (at the FILTERS marker: the
-- handler's conditions, as in ListPriorities.sql). With a category group it is an index-only scan of priority_scores_category.
select s.priority as "Priority", count(*)::int as "Count", (count(*) filter (where s.is_override))::int as "Overrides",
       max(s.calculated_at) as "LastCalculated"
from adpriority.priority_scores s
where s.tenant_id = @TenantId and s.live
  /*FILTERS*/
group by s.priority;
