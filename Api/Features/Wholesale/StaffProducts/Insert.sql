-- A new product (category checked by the editor first); products_sku enforces the live-SKU rule under concurrency.
insert into wholesale.products (sku, name, description, category_id, brand, unit_size, unit_price, bulk_price, bulk_quantity,
                                stock_quantity, in_stock, image_url, cost, weight_lb, ship_box_name, box_length_in,
                                box_width_in, box_height_in, is_customizable)
values (@Sku, @Name, @Description::text, @CategoryId::bigint, @Brand::text, @UnitSize::text, @UnitPrice, @BulkPrice::numeric,
        @BulkQuantity::int, @StockQuantity::int, @InStock, @ImageUrl::text, @Cost::numeric, @ShipWeightOz::numeric / 16,
        @ShipBoxName::text, @ShipBoxLength::numeric, @ShipBoxWidth::numeric, @ShipBoxHeight::numeric, coalesce(@IsCustomizable::boolean, false))
returning id;
