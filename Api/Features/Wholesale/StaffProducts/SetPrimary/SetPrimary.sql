-- Renumbers the product's gallery 0..n-1 with @ImageId first and the others in their current order. No row: the image is
-- not this product's.
with target as (
    select id from wholesale.product_images where id = @ImageId and product_id = @ProductId
), ordered as (
    select i.id, row_number() over (order by (i.id = @ImageId) desc, i.position, i.id desc) - 1 as pos
    from wholesale.product_images i
    where i.product_id = @ProductId and exists (select from target)
)
update wholesale.product_images i set position = o.pos
from ordered o where o.id = i.id
returning i.id;
