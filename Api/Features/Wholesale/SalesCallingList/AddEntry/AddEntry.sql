-- Adds one prospect. No row: the phone is already on the list.
insert into wholesale.calling_list (phone, company_name, contact_name, email, address, notes, priority_score, base_score, status,
                                    assigned_to, created_by, source)
values (@Phone, @CompanyName, @ContactName, @Email, @Address, @Notes, round(@Score::numeric, 2), round(@Score::numeric, 2), @Status,
        @AssignedTo, @StaffId, 'manual')
on conflict (phone) do nothing
returning id;
