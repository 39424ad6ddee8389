select v.id as "Id", v.name as "Name", v.website as "Website", v.phone as "Phone", v.email as "Email",
       v.contact_name as "ContactName", v.address as "Address", v.notes as "Notes", v.active as "Active"
from wholesale.procurement_vendors v
where true
