-- Upserts the tenant's profile from @Patch (already reduced to the twelve allowed keys); absent keys keep their value.
with patch as (select cast(@Patch as jsonb) as p), saved as (
    insert into pricewatch.industry_profiles as ip (tenant_id, industry_slug, industry_name, categories, scoring_config, search_terms,
        size_equivalences, hard_block_rules, specialty_brands, unit_types, ai_extraction_categories, ai_matching_rules, use_new_matcher)
    select @TenantId, coalesce(p->>'industry_slug', 'custom'), coalesce(p->>'industry_name', 'Custom'),
           coalesce(p->'categories', '[]'), coalesce(p->'scoring_config', '{}'), coalesce(p->'search_terms', '{}'),
           coalesce(p->'size_equivalences', '{}'), coalesce(p->'hard_block_rules', '[]'), coalesce(p->'specialty_brands', '{}'),
           coalesce(p->'unit_types', '[]'), coalesce(p->'ai_extraction_categories', '[]'), coalesce(p->'ai_matching_rules', '[]'),
           coalesce((p->>'use_new_matcher')::boolean, false)
      from patch
    on conflict (tenant_id) do update set
        industry_slug = case when (select p from patch) ? 'industry_slug' then excluded.industry_slug else ip.industry_slug end,
        industry_name = case when (select p from patch) ? 'industry_name' then excluded.industry_name else ip.industry_name end,
        categories = case when (select p from patch) ? 'categories' then excluded.categories else ip.categories end,
        scoring_config = case when (select p from patch) ? 'scoring_config' then excluded.scoring_config else ip.scoring_config end,
        search_terms = case when (select p from patch) ? 'search_terms' then excluded.search_terms else ip.search_terms end,
        size_equivalences = case when (select p from patch) ? 'size_equivalences' then excluded.size_equivalences else ip.size_equivalences end,
        hard_block_rules = case when (select p from patch) ? 'hard_block_rules' then excluded.hard_block_rules else ip.hard_block_rules end,
        specialty_brands = case when (select p from patch) ? 'specialty_brands' then excluded.specialty_brands else ip.specialty_brands end,
        unit_types = case when (select p from patch) ? 'unit_types' then excluded.unit_types else ip.unit_types end,
        ai_extraction_categories = case when (select p from patch) ? 'ai_extraction_categories' then excluded.ai_extraction_categories else ip.ai_extraction_categories end,
        ai_matching_rules = case when (select p from patch) ? 'ai_matching_rules' then excluded.ai_matching_rules else ip.ai_matching_rules end,
        use_new_matcher = case when (select p from patch) ? 'use_new_matcher' then excluded.use_new_matcher else ip.use_new_matcher end,
        updated_at = now()
    returning ip.*
)
select row_to_json(saved)::text from saved;
