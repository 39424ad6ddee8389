-- Distribution of the filtered live scores: per priority, how many, how many locked, latest calculation.
-- Unfiltered (or priority filters only) it is an index-only scan of priority_scores_summary.
select s.priority as "Priority", count(*)::int as "Count", (count(*) filter (where s.is_override))::int as "Overrides",
       max(s.calculated_at) as "LastCalculated"
from adpriority.priority_scores s
where s.tenant_id = @TenantId and s.live
  and (cast(@Priority as int) is null or s.priority = @Priority)
  and (cast(@MinPriority as int) is null or s.priority >= @MinPriority)
  and (cast(@MaxPriority as int) is null or s.priority <= @MaxPriority)
  and (cast(@Override as boolean) is null or s.is_override = @Override)
  and (cast(@ProductType as text) is null or s.product_type = @ProductType)
  and (cast(@CategoryGroup as text) is null or s.label2 = @CategoryGroup)
  and (cast(@NeedsSync as boolean) is null or (s.calculated_at > coalesce((select t.last_sheet_sync_at from adpriority.tenants t where t.id = @TenantId), '-infinity')) = @NeedsSync)
group by s.priority;
