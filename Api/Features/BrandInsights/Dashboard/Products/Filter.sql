    from brandinsights.product_snapshot ps
    join brandinsights.products p on p.id = ps.product_id
    where ps.brand_id = @BrandId
      and (@Status = 'all' or ps.status = @Status)
      and (@InStock::boolean is null or (ps.in_stock_count > 0) = @InStock)
      and (@OnPromo::boolean is null or (ps.stores_on_promo > 0) = @OnPromo)
      and (@Search::text is null or p.name ilike @Search escape '\')
      and (@StoreSlug::text is null or exists (
            select from brandinsights.listings l join brandinsights.stores s on s.id = l.store_id
            where s.slug = @StoreSlug and l.product_id = ps.product_id and l.valid_to is null))
