-- The model that produced each embedding (issue 19). The embed job re-embeds rows whose model is not the current one.
alter table pricewatch.product_tracking add column embedding_model text;
alter table pricewatch.brand_products add column embedding_model text;
update pricewatch.product_tracking set embedding_model = 'local-feature-hashing-256' where embedding is not null;
update pricewatch.brand_products set embedding_model = 'local-feature-hashing-256' where embedding is not null;
