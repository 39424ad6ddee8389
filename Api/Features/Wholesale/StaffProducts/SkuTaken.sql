-- Another live product already uses this SKU (case-insensitively)? (@Id 0 for a new product.)
select exists (select from wholesale.products where lower(sku) = lower(@Sku) and deleted_at is null and id <> @Id);
