-- Appends a version; earlier versions stay. Answers the new version's number (versions saved so far).
with saved as (
    insert into wholesale.call_script_versions (content, updated_by) values (@Content, @StaffId) returning id, updated_at
)
select (select count(*)::int from wholesale.call_script_versions where id < s.id) + 1 as "Version", s.updated_at as "UpdatedAt" from saved s;
