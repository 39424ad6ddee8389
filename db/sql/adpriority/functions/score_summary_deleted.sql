-- adpriority.score_summary_deleted: repeatable. Re-applied (in one transaction, after the numbered migrations) whenever this file changes; edit the
-- function here, never in a numbered migration. Created in 0004_score_summary.sql.
create or replace function adpriority.score_summary_deleted() returns trigger language plpgsql as $$
begin
    update adpriority.score_summary s
       set scored = s.scored - d.n, overrides = s.overrides - d.o
      from (select tenant_id, priority, count(*) as n, count(*) filter (where is_override) as o
              from removed_rows where live group by tenant_id, priority order by tenant_id, priority) d
     where s.tenant_id = d.tenant_id and s.priority = d.priority;
    update adpriority.score_summary s
       set last_calculated = (select max(p.calculated_at) from adpriority.priority_scores p
                               where p.tenant_id = s.tenant_id and p.priority = s.priority and p.live)
      from (select tenant_id, priority, max(calculated_at) as removed_max from removed_rows where live group by tenant_id, priority) d
     where s.tenant_id = d.tenant_id and s.priority = d.priority and d.removed_max >= s.last_calculated;
    return null;
end $$;
