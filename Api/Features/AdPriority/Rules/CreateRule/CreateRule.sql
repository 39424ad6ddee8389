-- Creates a rule. No row: one with the same pattern (case-insensitive) and season exists (DUPLICATE_RULE).
insert into adpriority.category_rules (tenant_id, product_type_pattern, season, base_priority, modifiers)
values (@TenantId, @Pattern, @Season, @BasePriority, cast(@Modifiers as jsonb))
on conflict do nothing
returning id as "Id", modifiers::text as "Modifiers", created_at as "CreatedAt";
