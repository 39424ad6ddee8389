-- Hard delete (the document's DELETE); answers a snapshot for the audit row. No row: not found.
delete from wholesale.procurement_products
 where id = @ProductId
returning json_build_object('vendor_id', vendor_id, 'name', name, 'model_number', model_number)::text;
