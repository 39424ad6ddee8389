-- Deletes the product's primary stored image (lowest position, then newest), if it has one.
delete from wholesale.product_images
where id = (select id from wholesale.product_images where product_id = @ProductId order by position, id desc limit 1);
