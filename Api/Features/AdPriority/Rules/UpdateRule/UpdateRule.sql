-- Updates the given fields of one rule of the tenant. No row: not found. A pattern/season collision raises unique_violation.
update adpriority.category_rules
   set product_type_pattern = coalesce(cast(@Pattern as text), product_type_pattern),
       season = case when @SeasonGiven then cast(@Season as text) else season end,
       base_priority = coalesce(cast(@BasePriority as int), base_priority),
       modifiers = coalesce(cast(@Modifiers as jsonb), modifiers),
       updated_at = now()
 where tenant_id = @TenantId and id = @Id
returning id as "Id", product_type_pattern as "ProductTypePattern", season as "Season", base_priority as "BasePriority",
          modifiers::text as "Modifiers", updated_at as "UpdatedAt";
