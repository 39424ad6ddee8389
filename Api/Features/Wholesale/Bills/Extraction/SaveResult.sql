-- Stores a finished extraction (header fields, lines with their matches, totals) if the job still owns the bill.
-- Saved = 0: the bill was deleted or reprocessed meanwhile, and nothing was written.
with h as (
    select * from jsonb_to_record(cast(@Bill as jsonb))
        as x(supplier_name text, bill_date date, bill_number text, bill_total numeric, total_items int, items_we_carry int,
             potential_savings numeric)
), bill as (
    update wholesale.bills b
       set extraction_status = 'completed', extraction_error = null,
           supplier_name = coalesce(b.supplier_name, h.supplier_name), bill_date = h.bill_date, bill_number = h.bill_number,
           bill_total = h.bill_total, total_items = h.total_items, items_we_carry = h.items_we_carry,
           potential_savings = h.potential_savings, updated_at = now()
      from h
     where b.id = @BillId and b.extraction_job_id = @JobId and b.deleted_at is null
    returning b.id
), gone as (
    delete from wholesale.bill_items i using bill where i.bill_id = bill.id
), added as (
    insert into wholesale.bill_items (bill_id, line_no, description, sku, quantity, unit, unit_price, line_total,
                                      matched_product_id, our_sku, our_product_name, our_unit_price, our_unit, our_line_total,
                                      savings, match_score)
    select bill.id, l.line_no, l.description, l.sku, l.quantity, l.unit, l.unit_price, l.line_total,
           l.product_id, l.our_sku, l.our_name, l.our_price, l.our_unit, l.our_line_total, l.savings, l.score
    from bill, jsonb_to_recordset(cast(@Items as jsonb))
        as l(line_no int, description text, sku text, quantity numeric, unit text, unit_price numeric, line_total numeric,
             product_id bigint, our_sku text, our_name text, our_price numeric, our_unit text, our_line_total numeric,
             savings numeric, score real)
    returning 1
)
select count(*)::int as "Saved" from bill;
