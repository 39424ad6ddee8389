-- Inserts the file's prospects in one statement; phones already on the list are left alone. Answers how many were added.
with added as (
    insert into wholesale.calling_list (phone, phone2, company_name, contact_name, first_name, last_name, email, address, notes,
                                        priority_score, base_score, status, assigned_to, created_by, source)
    select r.phone, r.phone2, r.company_name, r.contact_name, r.first_name, r.last_name, r.email, r.address, r.notes,
           r.priority_score, r.priority_score, r.status, cast(@AssignedTo as bigint), @StaffId, 'csv'
    from jsonb_to_recordset(cast(@Rows as jsonb)) as r(phone text, phone2 text, company_name text, contact_name text, first_name text,
         last_name text, email citext, address text, notes text, priority_score numeric, status text)
    on conflict (phone) do nothing
    returning id
)
select count(*)::int from added;
