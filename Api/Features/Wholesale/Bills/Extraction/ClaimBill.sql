-- Marks the job's bill processing and returns its file. No row: the bill was deleted, or a newer job (reprocess) owns it.
update wholesale.bills
   set extraction_status = 'processing', extraction_error = null, updated_at = now()
 where id = @BillId and extraction_job_id = @JobId and deleted_at is null and file_content is not null
returning file_content as "FileContent", file_type as "FileType", original_filename as "FileName";
