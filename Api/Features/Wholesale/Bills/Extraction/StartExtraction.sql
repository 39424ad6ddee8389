-- Hands a bill to its (new) extraction job: only that job may write the result. No row: the bill does not exist or was deleted.
update wholesale.bills
   set extraction_job_id = @JobId, extraction_status = 'pending', extraction_error = null, updated_at = now()
 where id = @BillId and deleted_at is null
returning id as "Id";
