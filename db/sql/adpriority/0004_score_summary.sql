-- AdPriority distribution summary in constant time: GET /api/priorities answers the summary of every live score of the
-- tenant (per priority: how many, how many locked, latest calculation) on every page. Aggregating 20,000 scores per
-- request grows with the catalog; adpriority.score_summary holds those figures per (tenant, priority), maintained by
-- statement-level triggers on priority_scores (one set-based statement per write, whatever its size). Filtered requests
-- (other than by priority) still aggregate the filtered scores.
--
-- last_calculated is the latest calculated_at among the bucket's live scores: raised by added rows; when rows leave a
-- bucket (priority change, lock, soft delete, delete) and the latest could have been among them without an at least as
-- late row arriving, it is recomputed from the bucket's live scores.

create table adpriority.score_summary (
    tenant_id       uuid        not null references adpriority.tenants (id) on delete cascade,
    priority        int         not null check (priority between 0 and 5),
    scored          int         not null default 0,
    overrides       int         not null default 0,
    last_calculated timestamptz,
    primary key (tenant_id, priority)
);

alter table adpriority.score_summary enable row level security;
alter table adpriority.score_summary force row level security;
create policy tenant_isolation on adpriority.score_summary
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

insert into adpriority.score_summary (tenant_id, priority, scored, overrides, last_calculated)
select tenant_id, priority, count(*), count(*) filter (where is_override), max(calculated_at)
from adpriority.priority_scores where live
group by tenant_id, priority;

-- Each trigger: (1) adds the statement's net change per bucket (added live rows minus removed live rows) and raises
-- last_calculated to the latest added; (2) where the bucket's latest may have been among the removed rows and no row at
-- least as late arrived, recomputes it. Buckets are written in (tenant, priority) order, so concurrent writers of one
-- tenant take the summary rows in the same order.

create function adpriority.score_summary_inserted() returns trigger language plpgsql as $$
begin
    insert into adpriority.score_summary as s (tenant_id, priority, scored, overrides, last_calculated)
    select tenant_id, priority, count(*), count(*) filter (where is_override), max(calculated_at)
      from added_rows where live group by tenant_id, priority order by tenant_id, priority
    on conflict (tenant_id, priority) do update
       set scored = s.scored + excluded.scored, overrides = s.overrides + excluded.overrides,
           last_calculated = greatest(s.last_calculated, excluded.last_calculated);
    return null;
end $$;

create function adpriority.score_summary_deleted() returns trigger language plpgsql as $$
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

create function adpriority.score_summary_updated() returns trigger language plpgsql as $$
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

create trigger score_summary_insert after insert on adpriority.priority_scores
    referencing new table as added_rows for each statement execute function adpriority.score_summary_inserted();
create trigger score_summary_update after update on adpriority.priority_scores
    referencing old table as removed_rows new table as added_rows for each statement execute function adpriority.score_summary_updated();
create trigger score_summary_delete after delete on adpriority.priority_scores
    referencing old table as removed_rows for each statement execute function adpriority.score_summary_deleted();

-- A recalculation refreshes the products' summary columns (priority, priority_override, priority_calculated_at), none of
-- them indexed: with free space on the page those updates are HOT (no entries in the four product indexes). Applies to
-- pages written from now on.
alter table adpriority.products set (fillfactor = 80);
