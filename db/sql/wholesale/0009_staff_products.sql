-- Staff products (issue 13, "Products, inventory, categories"). The staff product object carries the document's shipping
-- and customisation fields. Shipping weight is the core's weight_lb (one source of truth for shipping); the document's
-- ship_weight_oz is weight_lb * 16, so weight_lb is widened to hold any ounce figure with two decimals exactly (x/16).
-- The box size uses the core's box_*_in columns (inches); cost_per_item is the core's cost.
alter table wholesale.products
    alter column weight_lb type numeric(14,6),
    add column ship_box_name   text,
    add column is_customizable boolean not null default false;

-- The staff list (GET /api/staff/products) shows every live product, active or not, by name: one partial index walks it.
-- (products_name from 0001 is the same (name, id) where live; no new index needed.) Staff search is a substring match on
-- search_text, served by products_search_trgm (GIN trigram).

-- Gallery order: positions are unique per product once reordered; ties (older rows) fall back to id.
create index if not exists product_images_product_id on wholesale.product_images (product_id, id);
