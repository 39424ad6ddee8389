-- Soft delete of a live product: hidden everywhere, its SKU reusable, order lines keep their snapshot, images kept (a
-- restore by hand gets them back). No row: not found or already deleted.
update wholesale.products set deleted_at = now(), updated_at = now()
where id = @ProductId and deleted_at is null
returning sku as "Sku";
