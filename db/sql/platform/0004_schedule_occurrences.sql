-- Scheduled tasks run once per occurrence across the cluster (issue 20 §3). The advisory lock of PostgresMutex only stops
-- two instances running a task at the same time; a short task finished on one instance would run again on another whose
-- scheduler ticked a moment later. Each run first claims its (task, minute) here, by the database's clock.
create table platform.schedule_occurrences (
    task       text        not null,
    slot       timestamptz not null,   -- the minute the run belongs to
    claimed_at timestamptz not null default now(),
    primary key (task, slot)
);
