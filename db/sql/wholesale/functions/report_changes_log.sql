-- wholesale.report_changes_log: created by 0021_staff_read_changes.sql; its current text lives here (repeatable migration).
create or replace function wholesale.report_changes_log(p_since timestamptz) returns void
language sql volatile as $$
    insert into wholesale.report_changes as c (xid, since)
    select pg_current_xact_id(), p_since where p_since is not null
    on conflict (xid) do update set since = excluded.since where excluded.since < c.since;
$$;
