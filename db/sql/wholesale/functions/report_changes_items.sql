-- wholesale.report_changes_items: created by 0021_staff_read_changes.sql; its current text lives here (repeatable migration).
create or replace function wholesale.report_changes_items() returns trigger
language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform wholesale.report_changes_log((select min((select o.created_at from wholesale.orders o where o.id = n.order_id))
                                              from (select distinct order_id from new_rows) n));
    elsif tg_op = 'UPDATE' then
        perform wholesale.report_changes_log((select min((select o.created_at from wholesale.orders o where o.id = n.order_id))
                                              from (select order_id from old_rows union select order_id from new_rows) n));
    else
        perform wholesale.report_changes_log((select min((select o.created_at from wholesale.orders o where o.id = n.order_id))
                                              from (select distinct order_id from old_rows) n));
    end if;
    return null;
end $$;
