insert into wholesale.procurement_vendors (name, website, phone, email, contact_name, address, notes, active)
values (@Name, @Website::text, @Phone::text, @Email::text, @ContactName::text, @Address::text, @Notes::text, @Active)
returning id as "Id", name as "Name", website as "Website", phone as "Phone", email as "Email", contact_name as "ContactName",
          address as "Address", notes as "Notes", active as "Active";
