-- Applies a weighted event to the entry matching the phone, else the email. No row: nothing matches.
with target as (
    select id, priority_score from (
        (select id, priority_score, 0 as rank from wholesale.calling_list
          where cast(@Phone as text) is not null and (phone = @Phone or phone2 = @Phone) order by id limit 1)
        union all
        (select id, priority_score, 1 from wholesale.calling_list
          where cast(@Email as text) is not null and email = cast(@Email as citext) order by id limit 1)
    ) m order by rank limit 1
), applied as (
    update wholesale.calling_list e
       set priority_score = least(100, greatest(0, e.priority_score + @Weight)),
           base_score = least(100, greatest(0, e.priority_score + @Weight)),
           last_event = @Event, last_event_at = now(), decayed_on = null, updated_at = now()
      from target t where e.id = t.id
    returning e.id, t.priority_score as old_score, e.priority_score as new_score
)
select id as "Id", old_score::float8 as "OldScore", new_score::float8 as "NewScore" from applied;
