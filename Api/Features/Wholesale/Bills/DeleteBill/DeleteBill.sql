-- Soft-deletes a live bill and drops its file (the record stays for history; its lines stay with it). A running
-- extraction job sees deleted_at and writes nothing. No row: not found (or already deleted).
update wholesale.bills
   set deleted_at = now(), file_content = null, updated_at = now()
 where id = @BillId and deleted_at is null
returning id as "Id";
