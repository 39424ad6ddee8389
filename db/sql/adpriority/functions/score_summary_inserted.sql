-- adpriority.score_summary_inserted: repeatable. Re-applied (in one transaction, after the numbered migrations) whenever this file changes; edit the
-- function here, never in a numbered migration. Created in 0004_score_summary.sql.
create or replace function adpriority.score_summary_inserted() returns trigger language plpgsql as $$
begin
    insert into adpriority.score_summary as s (tenant_id, priority, scored, overrides, last_calculated)
    select tenant_id, priority, count(*), count(*) filter (where is_override), max(calculated_at)
      from added_rows where live group by tenant_id, priority order by tenant_id, priority
    on conflict (tenant_id, priority) do update
       set scored = s.scored + excluded.scored, overrides = s.overrides + excluded.overrides,
           last_calculated = greatest(s.last_calculated, excluded.last_calculated);
    return null;
end $$;
