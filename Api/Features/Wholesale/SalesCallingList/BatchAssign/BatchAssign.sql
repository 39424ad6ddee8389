-- Assigns (or unassigns) the listed entries; answers how many exist.
with done as (
    update wholesale.calling_list set assigned_to = cast(@AssigneeId as bigint), updated_at = now()
     where id = any(@Ids)
    returning id
)
select count(*)::int from done;
