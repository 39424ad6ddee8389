-- Marks the job's bill failed with the reason (and drops lines of an earlier run). Failed = 0: the job no longer owns it.
with bill as (
    update wholesale.bills
       set extraction_status = 'failed', extraction_error = @Error, total_items = 0, items_we_carry = 0, potential_savings = 0,
           updated_at = now()
     where id = @BillId and extraction_job_id = @JobId and deleted_at is null
    returning id
), gone as (
    delete from wholesale.bill_items i using bill where i.bill_id = bill.id
)
select count(*)::int as "Failed" from bill;
