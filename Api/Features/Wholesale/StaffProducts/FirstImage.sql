-- The product's primary image id (lowest position, then newest as GET /api/products/{id}/image picks it). No row: none.
select id from wholesale.product_images where product_id = @ProductId order by position, id desc limit 1;
