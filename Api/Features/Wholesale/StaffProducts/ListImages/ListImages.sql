-- A live product's images in gallery order (position, then newest first, as the primary is picked). The first column
-- row is the product itself, so "no product" and "no images" differ: no row at all means not found.
select i.id as "Id", p.id as "ProductId", i.content_type as "ContentType", i.content as "Content", i.width as "Width",
       i.height as "Height", i.position as "Position", i.created_at as "CreatedAt",
       row_number() over (order by i.position, i.id desc) = 1 as "IsPrimary"
from wholesale.products p
left join wholesale.product_images i on i.product_id = p.id
where p.id = @ProductId and p.deleted_at is null
order by i.position, i.id desc;
