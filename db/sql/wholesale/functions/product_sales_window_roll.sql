-- wholesale.product_sales_window_roll: repeatable (0028). Slides wholesale.product_sales_window to the window of as_of:
-- from_day becomes the window's first whole UTC day, the days that left are subtracted (or, when it moves back, the days
-- that entered are added) and products down to 0 are dropped. The state row is taken FOR UPDATE SKIP LOCKED: while a
-- writer holds it (the daily triggers, FOR KEY SHARE until commit) or another roll runs, it does nothing and answers false;
-- the reads stay exact either way (product_sales_window_units corrects for a lagging from_day). True when from_day is the
-- window's first whole day afterwards.
create or replace function wholesale.product_sales_window_roll(as_of timestamptz, window_days int) returns boolean
language plpgsql as $$
declare
    v_from date;
    v_to date := ((as_of - make_interval(days => window_days)) at time zone 'UTC')::date + 1;
begin
    select s.from_day into v_from from wholesale.product_sales_window_state s for update skip locked;
    if not found then
        return false;
    end if;
    if v_from = v_to then
        return true;
    end if;
    insert into wholesale.product_sales_window as w (product_id, units)
    select d.product_id, sum(case when d.day < v_to then -d.units else d.units end)
    from wholesale.product_sales_daily d
    where d.day >= least(v_from, v_to) and d.day < greatest(v_from, v_to)
    group by d.product_id
    having sum(case when d.day < v_to then -d.units else d.units end) <> 0
    on conflict (product_id) do update set units = w.units + excluded.units;
    delete from wholesale.product_sales_window where units = 0;
    update wholesale.product_sales_window_state set from_day = v_to;
    return true;
end
$$;
