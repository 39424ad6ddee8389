-- What the plan is built from: the product and its category, the category's active suppliers (with their quotes on RFQs
-- for this product), and the product's past quotes.
select p.id as "Id", p.sku as "Sku", p.name as "Name", c.name as "Category", p.unit_price as "UnitPrice", p.cost as "Cost"
from wholesale.products p
left join wholesale.categories c on c.id = p.category_id
where p.id = @ProductId and p.deleted_at is null;
