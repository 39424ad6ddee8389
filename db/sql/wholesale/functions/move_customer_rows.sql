-- wholesale.move_customer_rows: repeatable. Re-applied (in one transaction, after the numbered migrations) whenever this file changes; edit the
-- function here, never in a numbered migration. Created in 0008_staff_customers.sql.
create or replace function wholesale.move_customer_rows(p_table regclass, p_col name, p_from bigint, p_to bigint, p_row_by_row boolean)
returns bigint language plpgsql as $$
declare
    moved bigint := 0;
    n bigint;
    r record;
begin
    if not p_row_by_row then
        execute format('update %s set %I = $2 where %I = $1', p_table, p_col, p_col) using p_from, p_to;
        get diagnostics moved = row_count;
        return moved;
    end if;
    for r in execute format('select ctid as t from %s where %I = $1', p_table, p_col) using p_from loop
        begin
            execute format('update %s set %I = $2 where ctid = $1', p_table, p_col) using r.t, p_to;
            get diagnostics n = row_count;
            moved := moved + n;
        exception when unique_violation then
            execute format('delete from %s where ctid = $1', p_table) using r.t;
        end;
    end loop;
    return moved;
end
$$;
