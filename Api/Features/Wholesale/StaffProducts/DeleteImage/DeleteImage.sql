-- Deletes one image of the product (an image of another product is not found). No row: not found.
delete from wholesale.product_images where id = @ImageId and product_id = @ProductId returning id;
