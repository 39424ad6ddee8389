-- A tenant's scoring configuration, four result sets: rules, tag modifiers, seasons, season category overrides.
select id, product_type_pattern, season, base_priority, modifiers::text from adpriority.category_rules where tenant_id = @tenant order by created_at, id;
select tag, adjustment, override from adpriority.tag_modifiers where tenant_id = @tenant;
select id, season, name, start_month, end_month from adpriority.seasons where tenant_id = @tenant order by start_month;
select season_id, category, priority from adpriority.season_category_overrides where tenant_id = @tenant;
