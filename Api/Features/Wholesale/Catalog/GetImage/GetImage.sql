-- The primary image (lowest position, newest first) of a live, active product.
select i.id as "ImageId", i.content_type as "ContentType", i.content as "Content"
from wholesale.products p
join lateral (
    select i.id, i.content_type, i.content from wholesale.product_images i
    where i.product_id = p.id order by i.position, i.id desc limit 1
) i on true
where p.id = @ProductId and p.deleted_at is null and p.is_active;
