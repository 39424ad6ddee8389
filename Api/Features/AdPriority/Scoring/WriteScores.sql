-- Stores the changed scores from adpriority_score_batch (is_new: the variant had no score when read under the tenant's
-- writer lock, so a plain insert; the others are updated), then refreshes the affected products' summary (max priority, any lock).
-- New scores take the list columns (live, titles, Shopify ids, sku) from their variant and product; afterwards the triggers
-- of 0002_score_list_columns.sql keep them current.
-- @products: the distinct products of the batch (an array: the planner knows its size; the unanalyzed temp table gave
-- it none and a nested-loop plan).
insert into adpriority.priority_scores (variant_id, tenant_id, product_id, priority, label0, label1, label2, label3, label4, is_override, override_reason, calculated_at,
                                        live, product_title, product_type, shopify_product_id, shopify_variant_id, sku)
select b.variant_id, @tenant, b.product_id, b.priority, b.label0, b.label1, b.label2, b.label3, b.label4, b.is_override, null, @now,
       v.deleted_at is null and p.deleted_at is null, p.title, p.product_type, p.shopify_product_id, v.shopify_variant_id, v.sku
from adpriority_score_batch b
join adpriority.variants v on v.id = b.variant_id and v.tenant_id = @tenant
join adpriority.products p on p.id = v.product_id and p.tenant_id = @tenant
where b.is_new;

update adpriority.priority_scores s
   set priority = b.priority, label0 = b.label0, label1 = b.label1, label2 = b.label2, label3 = b.label3, label4 = b.label4,
       is_override = b.is_override, override_reason = case when b.is_override then s.override_reason end, calculated_at = @now
  from adpriority_score_batch b
 where not b.is_new and s.variant_id = b.variant_id and s.tenant_id = @tenant;

update adpriority.products p
   set priority = agg.priority, priority_override = agg.locked, priority_calculated_at = agg.calculated_at
  from (select v.product_id, max(s.priority) as priority, bool_or(s.is_override) as locked, max(s.calculated_at) as calculated_at
          from adpriority.variants v
          join adpriority.priority_scores s on s.variant_id = v.id and s.tenant_id = @tenant
         where v.tenant_id = @tenant and v.deleted_at is null and v.product_id = any(@products)
         group by v.product_id) agg
 where p.id = agg.product_id and p.tenant_id = @tenant;
