-- Locks a live bill for reprocessing and reads its status as its job shows it. No row: not found.
select s.extraction_status as "Status", b.file_content is not null as "HasFile"
from wholesale.bills b
join wholesale.bill_states s on s.bill_id = b.id
where b.id = @BillId and b.deleted_at is null
for update of b;
