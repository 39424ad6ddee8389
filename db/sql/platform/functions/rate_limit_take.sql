-- platform.rate_limit_take: repeatable. Re-applied (in one transaction, after the numbered migrations) whenever this file changes; edit the
-- function here, never in a numbered migration. Created in 0003_rate_limits.sql.
create or replace function platform.rate_limit_take(p_policy text, p_partition text, p_window bigint, p_limit integer, p_want integer,
                                         p_expires timestamptz)
returns table (granted integer, taken_before bigint)
language sql as $$
    insert into platform.rate_limit_counters as c (policy, partition, window_start, taken, expires_at)
    values (p_policy, p_partition, p_window, p_want, p_expires)
    on conflict (policy, partition, window_start) do update set taken = c.taken + excluded.taken
    returning greatest(0, least(p_want::bigint, p_limit::bigint - (c.taken - p_want)))::integer,
              least(c.taken - p_want, p_limit::bigint);
$$;
