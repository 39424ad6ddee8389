-- Each image's position is its index in @Order (the handler has checked it is exactly the product's ids).
update wholesale.product_images i set position = o.pos::int - 1
from unnest(@Order::bigint[]) with ordinality as o(id, pos)
where i.id = o.id and i.product_id = @ProductId;
