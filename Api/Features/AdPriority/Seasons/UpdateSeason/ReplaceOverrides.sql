-- The season's new category overrides (category slug → priority), after UpdateSeason.sql cleared the old ones.
insert into adpriority.season_category_overrides (tenant_id, season_id, category, priority)
select @TenantId, @Id, kv.key, kv.value::int from jsonb_each_text(cast(@Overrides as jsonb)) kv;
