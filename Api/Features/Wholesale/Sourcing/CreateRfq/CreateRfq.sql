-- A staff RFQ, numbered gap-free per business year in this transaction. No row: the product does not exist.
insert into wholesale.rfqs (rfq_number, status, source, product_id, title, description, quantity, target_unit_price, created_by,
                            status_changed_by)
select wholesale.next_doc_number('RFQ', @Year), @Status, 'staff', p.id, coalesce(p.name, left(@Description::text, 120)),
       @Description::text, @Quantity::int, @TargetUnitPrice::numeric, @CreatedBy, @CreatedBy
from (select null::bigint as none) x
left join wholesale.products p on p.id = @ProductId::bigint and p.deleted_at is null
where @ProductId::bigint is null or p.id is not null
returning id;
