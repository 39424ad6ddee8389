-- Cluster-wide rate limits (issue 20 §3): every instance takes permits for a (policy, partition, fixed window) from one
-- counter row, so N instances behind a load balancer keep each documented limit once, not N times.
-- Unlogged: counters are worth nothing after a crash (a lost window only forgives a few requests), and skipping the WAL
-- keeps one upsert per limited request cheap. Rows outlive their window by a little; instances delete expired ones.
create unlogged table platform.rate_limit_counters (
    policy       text        not null,
    partition    text        not null,
    window_start bigint      not null,   -- window number: unix milliseconds / window length
    taken        bigint      not null,   -- permits asked for in this window, granted or not (never capped, so a grant is computable)
    expires_at   timestamptz not null,
    primary key (policy, partition, window_start)
);
create index rate_limit_counters_expiry on platform.rate_limit_counters (expires_at);

-- Asks for p_want permits; answers how many were granted (0..p_want) and how many the window had taken before this ask,
-- capped at the limit. One statement, one round trip; concurrent askers serialise on the row.
create function platform.rate_limit_take(p_policy text, p_partition text, p_window bigint, p_limit integer, p_want integer,
                                         p_expires timestamptz)
returns table (granted integer, taken_before bigint)
language sql as $$
    insert into platform.rate_limit_counters as c (policy, partition, window_start, taken, expires_at)
    values (p_policy, p_partition, p_window, p_want, p_expires)
    on conflict (policy, partition, window_start) do update set taken = c.taken + excluded.taken
    returning greatest(0, least(p_want::bigint, p_limit::bigint - (c.taken - p_want)))::integer,
              least(c.taken - p_want, p_limit::bigint);
$$;
