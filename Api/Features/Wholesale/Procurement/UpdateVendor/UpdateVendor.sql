-- Writes the fields sent (null: unchanged; '': cleared). No row: not found.
update wholesale.procurement_vendors
   set name         = coalesce(@Name::text, name),
       website      = case when @Website::text is null then website else nullif(@Website::text, '') end,
       phone        = case when @Phone::text is null then phone else nullif(@Phone::text, '') end,
       email        = case when @Email::text is null then email else nullif(@Email::text, '') end,
       contact_name = case when @ContactName::text is null then contact_name else nullif(@ContactName::text, '') end,
       address      = case when @Address::text is null then address else nullif(@Address::text, '') end,
       notes        = case when @Notes::text is null then notes else nullif(@Notes::text, '') end,
       active       = coalesce(@Active::boolean, active),
       updated_at   = now()
 where id = @VendorId
returning id as "Id", name as "Name", website as "Website", phone as "Phone", email as "Email", contact_name as "ContactName",
          address as "Address", notes as "Notes", active as "Active";
