-- Appends a quote to an RFQ that is draft, sent or quoted (locked), and moves it to quoted.
-- No row: the RFQ does not exist. supplier_known false: unknown supplier. added false: the RFQ's status takes no quotes.
with rfq as (
    select id, status from wholesale.rfqs where id = @RfqId for update
), supplier as (
    select id from wholesale.suppliers where id = @SupplierId
), quote as (
    insert into wholesale.rfq_quotes (rfq_id, supplier_id, price, moq, lead_time, notes, created_by)
    select r.id, s.id, @Price, @Moq::int, @LeadTime::text, @Notes::text, @StaffId::bigint
    from rfq r cross join supplier s
    where r.status in ('draft', 'sent', 'quoted')
    returning rfq_id
), moved as (
    update wholesale.rfqs t
       set status = 'quoted', updated_at = now(),
           status_changed_at = case when t.status <> 'quoted' then now() else t.status_changed_at end,
           status_changed_by = case when t.status <> 'quoted' then @Actor else t.status_changed_by end
     where t.id in (select rfq_id from quote)
    returning t.id
)
select r.status as "Status", exists (select 1 from supplier) as "SupplierKnown", exists (select 1 from moved) as "Added"
from rfq r;
