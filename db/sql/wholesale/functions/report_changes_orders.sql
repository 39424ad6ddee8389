-- wholesale.report_changes_orders: created by 0021_staff_read_changes.sql; its current text lives here (repeatable migration).
create or replace function wholesale.report_changes_orders() returns trigger
language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform wholesale.report_changes_log((select min(created_at) from new_rows));
    elsif tg_op = 'UPDATE' then
        perform wholesale.report_changes_log(least((select min(created_at) from old_rows), (select min(created_at) from new_rows)));
    else
        perform wholesale.report_changes_log((select min(created_at) from old_rows));
    end if;
    return null;
end $$;
