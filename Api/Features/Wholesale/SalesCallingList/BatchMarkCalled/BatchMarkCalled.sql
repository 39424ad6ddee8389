-- Marks the visible listed entries called now and logs a call for each; answers how many.
with done as (
    update wholesale.calling_list e set last_called = now(), updated_at = now()
     where e.id = any(@Ids) and (cast(@RepId as bigint) is null or e.assigned_to = @RepId or e.assigned_to is null)
    returning e.id
), logged as (
    insert into wholesale.calling_list_calls (entry_id, staff_id) select id, @StaffId from done
)
select count(*)::int from done;
