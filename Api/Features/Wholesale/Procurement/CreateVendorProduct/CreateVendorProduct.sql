-- Adds a product to an existing vendor (the vendor row is locked against a concurrent delete). No row: vendor not found.
insert into wholesale.procurement_products (vendor_id, name, category, description, model_number, est_price_min, est_price_max,
                                            lead_time_days, notes, active)
select v.id, @Name, @Category::text, @Description::text, @ModelNumber::text, @EstPriceMin::numeric, @EstPriceMax::numeric,
       @LeadTimeDays::int, @Notes::text, @Active
from (select id from wholesale.procurement_vendors where id = @VendorId for key share) v
returning id as "Id", vendor_id as "VendorId", name as "Name", category as "Category", description as "Description",
          model_number as "ModelNumber", est_price_min as "EstPriceMin", est_price_max as "EstPriceMax",
          lead_time_days as "LeadTimeDays", notes as "Notes", active as "Active";
