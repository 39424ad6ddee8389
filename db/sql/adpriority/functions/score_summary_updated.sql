-- adpriority.score_summary_updated: repeatable. Re-applied (in one transaction, after the numbered migrations) whenever this file changes; edit the
-- function here, never in a numbered migration. Created in 0004_score_summary.sql.
create or replace function adpriority.score_summary_updated() returns trigger language plpgsql as $$
begin
    insert into adpriority.score_summary as s (tenant_id, priority, scored, overrides, last_calculated)
    select tenant_id, priority, sum(n), sum(o), max(added)
      from (select tenant_id, priority, 1 as n, is_override::int as o, calculated_at as added from added_rows where live
            union all
            select tenant_id, priority, -1, -(is_override::int), null from removed_rows where live) x
     group by tenant_id, priority
    having sum(n) <> 0 or sum(o) <> 0 or max(added) is not null
     order by tenant_id, priority
    on conflict (tenant_id, priority) do update
       set scored = s.scored + excluded.scored, overrides = s.overrides + excluded.overrides,
           last_calculated = greatest(s.last_calculated, excluded.last_calculated);
    update adpriority.score_summary s
       set last_calculated = (select max(p.calculated_at) from adpriority.priority_scores p
                               where p.tenant_id = s.tenant_id and p.priority = s.priority and p.live)
      from (select tenant_id, priority, max(added) as added_max, max(removed) as removed_max
              from (select tenant_id, priority, calculated_at as added, null::timestamptz as removed from added_rows where live
                    union all
                    select tenant_id, priority, null, calculated_at from removed_rows where live) x
             group by tenant_id, priority) d
     where s.tenant_id = d.tenant_id and s.priority = d.priority
       and d.removed_max is not null and d.removed_max >= s.last_calculated
       and (d.added_max is null or d.added_max < d.removed_max);
    return null;
end $$;
