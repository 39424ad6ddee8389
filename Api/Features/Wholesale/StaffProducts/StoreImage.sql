-- Stores a re-encoded image. @Primary: at position 0, the product's other images one place down the gallery; otherwise
-- appended after the last one.
with shifted as (
    update wholesale.product_images set position = position + 1 where product_id = @ProductId and @Primary
)
insert into wholesale.product_images (product_id, content, content_type, width, height, thumbnail, position)
values (@ProductId, @Content, @ContentType, @Width, @Height, @Thumbnail,
        case when @Primary then 0
             else coalesce((select max(position) + 1 from wholesale.product_images where product_id = @ProductId), 0) end)
returning id;
