-- Deletes the entry when the caller may see it. No row: not found (or another rep's entry).
delete from wholesale.calling_list e
 where e.id = @Id and (cast(@RepId as bigint) is null or e.assigned_to = @RepId or e.assigned_to is null)
returning e.id;
