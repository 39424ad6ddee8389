-- One gallery image of a product, with whether it is the primary (first by position, then newest).
select i.id as "Id", i.product_id as "ProductId", i.content_type as "ContentType", i.content as "Content", i.width as "Width",
       i.height as "Height", i.position as "Position", i.created_at as "CreatedAt",
       i.id = (select f.id from wholesale.product_images f where f.product_id = i.product_id order by f.position, f.id desc limit 1) as "IsPrimary"
from wholesale.product_images i
where i.product_id = @ProductId and i.id = @ImageId;
