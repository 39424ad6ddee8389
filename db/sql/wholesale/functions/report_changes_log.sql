-- wholesale.report_changes_log: created by 0021_staff_read_changes.sql; its current text lives here (repeatable migration).
-- One row per writing transaction. Since 0029 the transaction remembers the `since` it logged (a transaction-local setting,
-- in epoch microseconds), so the later calls of the same transaction that would not lower it (an order's lines after the
-- order: POST /api/orders logged twice) skip the upsert and its row lock. The setting is undone with a rolled-back
-- subtransaction, like the row it describes, and readers prune only rows of finished transactions, so it always equals the
-- row's `since` while the transaction runs.
create or replace function wholesale.report_changes_log(p_since timestamptz) returns void
language plpgsql volatile as $$
declare
    v_logged text;
begin
    if p_since is null then
        return;
    end if;
    v_logged := current_setting('wholesale.report_changes_since', true);
    if v_logged is not null and v_logged <> '' and v_logged::numeric <= extract(epoch from p_since) then
        return;
    end if;
    insert into wholesale.report_changes as c (xid, since)
    values (pg_current_xact_id(), p_since)
    on conflict (xid) do update set since = excluded.since where excluded.since < c.since;
    perform set_config('wholesale.report_changes_since', extract(epoch from p_since)::text, true);
end $$;
