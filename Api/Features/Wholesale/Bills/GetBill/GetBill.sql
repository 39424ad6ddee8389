-- A bill's lines in order, with the savings percentage of the supplier's line total.
select i.line_no as "LineNo", i.description as "Description", i.sku as "Sku", i.quantity as "Quantity", i.unit as "Unit",
       i.unit_price as "UnitPrice", i.line_total as "LineTotal", i.matched_product_id as "MatchedProductId",
       i.our_sku as "OurSku", i.our_product_name as "OurName", i.our_unit_price as "OurPrice", i.our_unit as "OurUnit",
       i.our_line_total as "OurLineTotal", i.savings as "Savings",
       case when i.savings is not null and coalesce(i.line_total, 0) > 0 then round(i.savings * 100 / i.line_total, 1) end as "SavingsPct",
       round(i.match_score::numeric, 3)::float8 as "MatchConfidence"
from wholesale.bill_items i
where i.bill_id = @BillId
order by i.line_no;
