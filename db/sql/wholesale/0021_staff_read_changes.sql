-- Staff reports (issue 13): an exact change log for the report caches (StaffReports/ReportSnapshots.cs).
-- Every transaction that writes wholesale.orders (the columns the reports read) or wholesale.order_items leaves one row here:
-- its transaction id and the oldest created_at of the orders it touched (`since`). The row becomes visible when, and only
-- if, the transaction commits. A cached report remembers the snapshot (pg_current_snapshot()) taken before it was computed;
-- it is still right exactly when no row exists that this snapshot did not see (and, for a snapshot of old orders only, whose
-- `since` is older than its cutoff). One indexed probe per read answers that, on any API instance, with no signal to miss.
-- Writers pay one small insert per transaction (on conflict: the same row); statement-level triggers, so a bulk write is one
-- row too. Rows are pruned by the readers once no trusted cache entry can need them (see ReportSnapshots.PruneAfter).
create table wholesale.report_changes (
    xid   xid8        primary key,
    since timestamptz not null
);

create function wholesale.report_changes_log(p_since timestamptz) returns void
language sql volatile as $$
    insert into wholesale.report_changes as c (xid, since)
    select pg_current_xact_id(), p_since where p_since is not null
    on conflict (xid) do update set since = excluded.since where excluded.since < c.since;
$$;

create function wholesale.report_changes_orders() returns trigger
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

-- Each changed line's order is read by its primary key (a correlated subquery, so a plan cached by a session during a bulk
-- load never turns into a scan of every order for the next small insert).
create function wholesale.report_changes_items() returns trigger
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

-- Every update counts, whichever columns it sets (PostgreSQL allows no column list on a trigger with transition tables).
create trigger orders_report_changes_ins after insert on wholesale.orders
    referencing new table as new_rows for each statement execute function wholesale.report_changes_orders();
create trigger orders_report_changes_upd after update on wholesale.orders
    referencing old table as old_rows new table as new_rows for each statement execute function wholesale.report_changes_orders();
create trigger orders_report_changes_del after delete on wholesale.orders
    referencing old table as old_rows for each statement execute function wholesale.report_changes_orders();

create trigger order_items_report_changes_ins after insert on wholesale.order_items
    referencing new table as new_rows for each statement execute function wholesale.report_changes_items();
create trigger order_items_report_changes_upd after update on wholesale.order_items
    referencing old table as old_rows new table as new_rows for each statement execute function wholesale.report_changes_items();
create trigger order_items_report_changes_del after delete on wholesale.order_items
    referencing old table as old_rows for each statement execute function wholesale.report_changes_items();

-- The staff order list (ListOrders/Filters.sql): a search shaped like an order number reads a prefix range of the numbers
-- (byte order, whatever the database collation); a sales rep's list and count read their own live orders in list order.
create index orders_number_prefix on wholesale.orders (order_number text_pattern_ops) where deleted_at is null;
create index orders_rep_live_created on wholesale.orders (sales_rep_id, created_at desc, id desc)
    where deleted_at is null and sales_rep_id is not null;
-- Stats and the profit dashboard's current month, when computed (a cache miss): the created_at range of live orders with
-- every column they sum, index-only.
create index orders_report_window on wholesale.orders (created_at)
    include (id, status, sales_rep_id, total_amount, delivery_fee, shipping_cost) where deleted_at is null;
