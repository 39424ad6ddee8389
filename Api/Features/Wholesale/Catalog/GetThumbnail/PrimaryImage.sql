-- The primary image (lowest position, newest first) of a live, active product: its cached thumbnail, or the original when
-- no thumbnail has been made yet.
select i.id as "Id", i.thumbnail as "Thumbnail", case when i.thumbnail is null then i.content end as "Content"
from wholesale.products p
join lateral (
    select i.id, i.thumbnail, i.content from wholesale.product_images i
    where i.product_id = p.id order by i.position, i.id desc limit 1
) i on true
where p.id = @ProductId and p.deleted_at is null and p.is_active;
