-- The staff product object of a live product (active or not). No row: not found (or deleted).
select p.id as "Id", p.sku as "Sku", p.name as "Name", p.description as "Description", p.category_id as "CategoryId",
       c.name as "Category", p.brand as "Brand", p.unit_size as "UnitSize", p.unit_price as "UnitPrice",
       p.bulk_price as "BulkPrice", p.bulk_quantity as "BulkQuantity", p.in_stock as "InStock",
       p.stock_quantity as "StockQuantity", p.image_url as "ImageUrl", p.cost as "CostPerItem",
       round(p.weight_lb * 16, 2) as "ShipWeightOz", p.ship_box_name as "ShipBoxName", p.box_length_in as "ShipBoxLength",
       p.box_width_in as "ShipBoxWidth", p.box_height_in as "ShipBoxHeight", p.is_customizable as "IsCustomizable",
       p.is_active as "IsActive", (select count(*)::int from wholesale.product_images i where i.product_id = p.id) as "ImageCount",
       (select i.id from wholesale.product_images i where i.product_id = p.id order by i.position, i.id desc limit 1) as "PrimaryImageId",
       p.created_at as "CreatedAt", p.updated_at as "UpdatedAt"
from wholesale.products p
left join wholesale.categories c on c.id = p.category_id
where p.id = @Id and p.deleted_at is null;
