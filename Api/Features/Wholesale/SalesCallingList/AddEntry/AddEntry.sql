-- Adds one prospect unless its phone is on the do-not-call list (issue 16). One row: "DoNotCall" true when the number is
-- listed (nothing added); else "Id" the new entry, null when the phone is already on the calling list.
with listed as (
    select exists (select from wholesale.do_not_call d where d.phone = cast(@Phone as text)) as yes
), added as (
    insert into wholesale.calling_list (phone, company_name, contact_name, email, address, notes, priority_score, base_score, status,
                                        assigned_to, created_by, source)
    select cast(@Phone as text), cast(@CompanyName as text), cast(@ContactName as text), cast(@Email as citext), cast(@Address as text),
           cast(@Notes as text), round(@Score::numeric, 2), round(@Score::numeric, 2), cast(@Status as text),
           cast(@AssignedTo as bigint), cast(@StaffId as bigint), 'manual'
     where not (select yes from listed)
    on conflict (phone) do nothing
    returning id
)
select (select yes from listed) as "DoNotCall", (select id from added) as "Id";
