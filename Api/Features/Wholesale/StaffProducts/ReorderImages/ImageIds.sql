-- The product's image ids.
select id from wholesale.product_images where product_id = @ProductId;
