-- Writes only the fields the request sent (@Set* flags); stock and in_stock are decided by the editor.
update wholesale.products set
    name            = case when @SetName then @Name::text else name end,
    description     = case when @SetDescription then @Description::text else description end,
    category_id     = case when @SetCategoryId then @CategoryId::bigint else category_id end,
    sku             = case when @SetSku then @Sku::text else sku end,
    unit_price      = case when @SetUnitPrice then @UnitPrice::numeric else unit_price end,
    bulk_price      = case when @SetBulkPrice then @BulkPrice::numeric else bulk_price end,
    bulk_quantity   = case when @SetBulkQuantity then @BulkQuantity::int else bulk_quantity end,
    unit_size       = case when @SetUnitSize then @UnitSize::text else unit_size end,
    brand           = case when @SetBrand then @Brand::text else brand end,
    image_url       = case when @SetImageUrl then @ImageUrl::text else image_url end,
    cost            = case when @SetCost then @Cost::numeric else cost end,
    weight_lb       = case when @SetShipWeightOz then @ShipWeightOz::numeric / 16 else weight_lb end,
    ship_box_name   = case when @SetShipBoxName then @ShipBoxName::text else ship_box_name end,
    box_length_in   = case when @SetShipBoxLength then @ShipBoxLength::numeric else box_length_in end,
    box_width_in    = case when @SetShipBoxWidth then @ShipBoxWidth::numeric else box_width_in end,
    box_height_in   = case when @SetShipBoxHeight then @ShipBoxHeight::numeric else box_height_in end,
    is_customizable = case when @SetIsCustomizable then @IsCustomizable::boolean else is_customizable end,
    stock_quantity  = @StockQuantity::int,
    in_stock        = @InStock,
    updated_at      = now()
where id = @Id;
