-- The new image becomes the primary one (position 0); the product's other images move one place down the gallery.
with shifted as (
    update wholesale.product_images set position = position + 1 where product_id = @ProductId
)
insert into wholesale.product_images (product_id, content, content_type, width, height, thumbnail, position)
values (@ProductId, @Content, @ContentType, @Width, @Height, @Thumbnail, 0)
returning id;
