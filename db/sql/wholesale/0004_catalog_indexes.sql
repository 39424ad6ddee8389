-- Catalog reads (issue 12, "Catalog"): the public catalog shows live, active products ordered by name; the key API shows every
-- live product ordered by id. Partial indexes matching those predicates and orders let a page of a category (or of the
-- whole catalog) be read in index order and counted from the index alone. Full-text search uses products_search (GIN on
-- the `search` tsvector) and the typo fallback products_search_trgm (GIN trigram on `search_text`), both from 0001.
create index products_public_name on wholesale.products (name, id) where deleted_at is null and is_active;
create index products_public_category on wholesale.products (category_id, name, id) where deleted_at is null and is_active;
create index products_live_category_id on wholesale.products (category_id, id) where deleted_at is null;

