-- Sets a variant's priority by hand (locked when @Locked), returns the new score with the previous priority, and refreshes
-- the product's summary columns.
with old as (
    select priority from adpriority.priority_scores where variant_id = @VariantId and tenant_id = @TenantId
), upd as (
    update adpriority.priority_scores s
       set priority = @Priority, label0 = @Label0, is_override = @Locked, override_reason = @Reason, calculated_at = now()
     where s.variant_id = @VariantId and s.tenant_id = @TenantId
    returning s.priority, s.is_override, s.override_reason, s.label0, s.label1, s.label2, s.label3, s.label4, s.calculated_at
), product as (
    update adpriority.products p
       set priority = (select max(case when s.variant_id = @VariantId then @Priority else s.priority end)
                         from adpriority.variants v join adpriority.priority_scores s on s.variant_id = v.id and s.tenant_id = @TenantId
                        where v.product_id = @ProductId and v.tenant_id = @TenantId and v.deleted_at is null),
           priority_override = @Locked or exists (select from adpriority.variants v
                                                   join adpriority.priority_scores s on s.variant_id = v.id and s.tenant_id = @TenantId
                                                   where v.product_id = @ProductId and v.tenant_id = @TenantId and s.is_override and s.variant_id <> @VariantId),
           priority_calculated_at = now()
     where p.id = @ProductId and p.tenant_id = @TenantId
)
select upd.priority as "Priority", old.priority as "PreviousPriority", upd.is_override as "IsOverride", upd.override_reason as "OverrideReason",
       upd.label0 as "Label0", upd.label1 as "Label1", upd.label2 as "Label2", upd.label3 as "Label3", upd.label4 as "Label4",
       upd.calculated_at as "CalculatedAt"
from upd left join old on true;
