-- Awards a quoted RFQ (locked) to a supplier that quoted on it, at that supplier's latest quoted price, stamping who and when.
-- No row: the RFQ does not exist. Otherwise the facts the handler needs to explain a refusal.
with rfq as (
    select id, status from wholesale.rfqs where id = @RfqId for update
), quote as (
    select q.price from wholesale.rfq_quotes q where q.rfq_id = @RfqId and q.supplier_id = @SupplierId order by q.id desc limit 1
), awarded as (
    update wholesale.rfqs t
       set status = 'awarded', awarded_supplier_id = @SupplierId, awarded_price = (select price from quote), awarded_at = now(),
           awarded_by = @StaffId::bigint, updated_at = now(), status_changed_at = now(), status_changed_by = @Actor
     where t.id in (select id from rfq where status = 'quoted') and exists (select 1 from quote)
    returning t.id
)
select r.status as "Status", exists (select 1 from wholesale.suppliers s where s.id = @SupplierId) as "SupplierKnown",
       (select price from quote) as "QuotedPrice", exists (select 1 from awarded) as "Awarded"
from rfq r;
