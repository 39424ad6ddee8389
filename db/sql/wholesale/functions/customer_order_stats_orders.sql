-- wholesale.customer_order_stats_orders: repeatable. Created in 0026_voice_customer_order_stats.sql. Statement-level trigger on
-- wholesale.orders keeping wholesale.customer_order_stats exact: per customer, its live orders (not cancelled, not soft
-- deleted): count, sum of total_amount, first and last created_at. Inserts add deltas (exact under concurrent writers: the
-- upsert re-reads the latest row). Updates that change whether an order counts, its total, its created_at or its customer
-- (cancel, soft delete, restore, edits, move/merge through move_customer_rows) and deletes recompute the customers touched:
-- their rows are locked first, then recomputed by a later statement, which (read committed, volatile function) takes a fresh
-- snapshot and so sees every writer that held the lock before. Updates that change none of that cost one join of the
-- transition tables. A customer with no live orders has no row.
create or replace function wholesale.customer_order_stats_orders() returns trigger
language plpgsql as $$
declare
    ids bigint[];
begin
    if tg_op = 'TRUNCATE' then
        truncate wholesale.customer_order_stats;
        return null;
    elsif tg_op = 'INSERT' then
        insert into wholesale.customer_order_stats as s (customer_id, n, ltv, first_at, last_at)
        select n.customer_id, count(*), sum(n.total_amount), min(n.created_at), max(n.created_at)
        from new_rows n
        where n.customer_id is not null and n.deleted_at is null and n.status <> 'cancelled'
        group by n.customer_id
        order by n.customer_id
        on conflict (customer_id) do update
            set n = s.n + excluded.n, ltv = s.ltv + excluded.ltv,
                first_at = least(s.first_at, excluded.first_at), last_at = greatest(s.last_at, excluded.last_at);
        return null;
    elsif tg_op = 'UPDATE' then
        select array_agg(distinct x.customer_id order by x.customer_id) into ids
        from old_rows o
        join new_rows n on n.id = o.id
        cross join lateral (values (o.customer_id), (n.customer_id)) x(customer_id)
        where x.customer_id is not null
          and (o.deleted_at is null and o.status <> 'cancelled' or n.deleted_at is null and n.status <> 'cancelled')
          and (o.customer_id, o.deleted_at is null and o.status <> 'cancelled', o.total_amount, o.created_at)
              is distinct from (n.customer_id, n.deleted_at is null and n.status <> 'cancelled', n.total_amount, n.created_at);
    else
        select array_agg(distinct o.customer_id order by o.customer_id) into ids
        from old_rows o
        where o.customer_id is not null and o.deleted_at is null and o.status <> 'cancelled';
    end if;
    if ids is null then
        return null;
    end if;
    perform 1 from wholesale.customer_order_stats s where s.customer_id = any(ids) order by s.customer_id for update;
    delete from wholesale.customer_order_stats s
    where s.customer_id = any(ids)
      and not exists (select from wholesale.orders o
                      where o.customer_id = s.customer_id and o.deleted_at is null and o.status <> 'cancelled');
    insert into wholesale.customer_order_stats as s (customer_id, n, ltv, first_at, last_at)
    select o.customer_id, count(*), sum(o.total_amount), min(o.created_at), max(o.created_at)
    from wholesale.orders o
    where o.customer_id = any(ids) and o.deleted_at is null and o.status <> 'cancelled'
    group by o.customer_id
    order by o.customer_id
    on conflict (customer_id) do update
        set n = excluded.n, ltv = excluded.ltv, first_at = excluded.first_at, last_at = excluded.last_at;
    return null;
end
$$;
