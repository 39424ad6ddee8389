-- The tenant's category rules by pattern (all-season first within a pattern).
select id as "Id", product_type_pattern as "ProductTypePattern", season as "Season", base_priority as "BasePriority",
       modifiers::text as "Modifiers", created_at as "CreatedAt", updated_at as "UpdatedAt"
from adpriority.category_rules
where tenant_id = @TenantId
order by lower(product_type_pattern), season nulls first, id;
