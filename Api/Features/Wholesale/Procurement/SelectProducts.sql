select p.id as "Id", p.vendor_id as "VendorId", p.name as "Name", p.category as "Category", p.description as "Description",
       p.model_number as "ModelNumber", p.est_price_min as "EstPriceMin", p.est_price_max as "EstPriceMax",
       p.lead_time_days as "LeadTimeDays", p.notes as "Notes", p.active as "Active"
from wholesale.procurement_products p
where true
