-- A new product; the category must be live and the SKU free among live products (products_sku enforces it too).
insert into wholesale.products (sku, name, description, category_id, brand, unit_size, unit_price, bulk_price, bulk_quantity,
                                stock_quantity, in_stock, image_url)
select @Sku, @Name, @Description::text, @CategoryId, @Brand::text, @UnitSize::text, @UnitPrice, @BulkPrice::numeric, @BulkQuantity::int,
       @StockQuantity::int, @InStock, @ImageUrl::text
where exists (select from wholesale.categories where id = @CategoryId and deleted_at is null)
returning id as "Id", name as "Name", description as "Description", category_id as "CategoryId", sku as "Sku",
          unit_price as "UnitPrice", bulk_price as "BulkPrice", bulk_quantity as "BulkQuantity", unit_size as "UnitSize",
          brand as "Brand", image_url as "ImageUrl", in_stock as "InStock", stock_quantity as "StockQuantity";
