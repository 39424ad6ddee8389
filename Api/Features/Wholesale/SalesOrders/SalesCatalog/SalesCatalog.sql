-- Live, active products with their category, in category order then name.
select c.id as "CategoryId", coalesce(c.name, 'Uncategorized') as "CategoryName",
       p.id as "Id", p.name as "Name", p.sku as "Sku", p.unit_price as "UnitPrice", p.bulk_price as "BulkPrice",
       p.bulk_quantity as "BulkQuantity", p.brand as "Brand", p.unit_size as "UnitSize", p.in_stock as "InStock"
from wholesale.products p
left join wholesale.categories c on c.id = p.category_id and c.deleted_at is null
where p.deleted_at is null and p.is_active
order by c.sort_order nulls last, c.name nulls last, c.id nulls last, lower(p.name), p.id;
