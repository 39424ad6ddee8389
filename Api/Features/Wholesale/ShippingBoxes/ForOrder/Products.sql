-- The order's products with their shipping box and weight, and their first rule that has a carton size.
select p.id as "Id", p.sku as "Sku", p.name as "Name", p.box_length_in as "L", p.box_width_in as "W", p.box_height_in as "H", p.weight_lb as "Weight",
       r.qty_per_box as "RuleQty", r.length_in as "RuleL", r.width_in as "RuleW", r.height_in as "RuleH", r.box_name as "RuleBox"
from wholesale.products p
left join lateral (select * from wholesale.box_rules r where r.product_id = p.id and r.length_in is not null order by r.id limit 1) r on true
where p.id = any(@Ids) and p.deleted_at is null;
