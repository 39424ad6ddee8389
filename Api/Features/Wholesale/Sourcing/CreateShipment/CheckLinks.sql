-- Do the linked supplier, RFQ and the items' products exist? (null links are fine)
select (@SupplierId::bigint is null or exists (select 1 from wholesale.suppliers where id = @SupplierId::bigint)) as "SupplierOk",
       (@RfqId::bigint is null or exists (select 1 from wholesale.rfqs where id = @RfqId::bigint)) as "RfqOk",
       array(select (l->>'product_id')::bigint from jsonb_array_elements(@Lines::jsonb) l
             where not exists (select 1 from wholesale.products p where p.id = (l->>'product_id')::bigint and p.deleted_at is null)
             order by 1) as "MissingProducts";
