-- Hard delete, as documented: the vendor and (on delete cascade) its products. Answers a snapshot of what was removed
-- for the audit row. No row: not found.
with gone_products as (
    delete from wholesale.procurement_products where vendor_id = @VendorId
    returning id, name, model_number
), gone as (
    delete from wholesale.procurement_vendors where id = @VendorId
    returning id, name
)
select json_build_object('name', g.name,
                         'products', coalesce((select json_agg(json_build_object('id', p.id, 'name', p.name, 'model_number', p.model_number) order by p.id)
                                               from gone_products p), '[]'::json))::text
from gone g;
