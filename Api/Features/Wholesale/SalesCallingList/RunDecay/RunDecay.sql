-- Decays every non-do-not-call entry from its base score; counts the entries considered and those whose score changed.
with day as (
    select (cast(@Today as timestamp) at time zone @Tz) as starts
), candidates as (
    select e.id, round(e.base_score * power(0.5::numeric,
               (greatest(0, extract(epoch from (d.starts - e.last_event_at))) / 86400.0 / @HalfLife)::numeric), 2) as score
    from wholesale.calling_list e
    cross join day d
    left join wholesale.customers c on c.id = e.customer_id
    where e.status <> 'do_not_call' and not coalesce(c.do_not_call, false)
), changed as (
    update wholesale.calling_list e
       set priority_score = k.score, decayed_on = cast(@Today as date), updated_at = now()
      from candidates k
     where e.id = k.id and e.priority_score <> k.score
    returning e.id
)
select (select count(*)::int from changed) as "Updated", (select count(*)::int from candidates) as "Total";
