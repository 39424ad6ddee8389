-- A live bill's extraction status as its job shows it (wholesale.bill_states). No row: not found.
select b.id as "Id", s.extraction_status as "ExtractionStatus", s.extraction_error as "ExtractionError",
       b.total_items as "TotalItems", b.items_we_carry as "ItemsWeCarry", b.potential_savings as "PotentialSavings",
       b.supplier_name as "SupplierName", to_char(b.bill_date, 'YYYY-MM-DD') as "BillDate", b.bill_number as "BillNumber",
       b.bill_total as "BillTotal", b.extraction_job_id as "JobId", s.progress_message as "Progress"
from wholesale.bills b
join wholesale.bill_states s on s.bill_id = b.id
where b.id = @BillId and b.deleted_at is null;
