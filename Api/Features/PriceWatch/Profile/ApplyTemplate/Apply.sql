-- Copies every configuration field of template @Slug into the tenant's profile. No row: no such template.
with applied as (
    insert into pricewatch.industry_profiles as ip (tenant_id, industry_slug, industry_name, categories, scoring_config, search_terms,
        size_equivalences, hard_block_rules, specialty_brands, unit_types, ai_extraction_categories, ai_matching_rules, use_new_matcher)
    select @TenantId, t.slug, t.name, t.categories, t.scoring_config, t.search_terms, t.size_equivalences, t.hard_block_rules,
           t.specialty_brands, t.unit_types, t.ai_extraction_categories, t.ai_matching_rules, t.use_new_matcher
      from pricewatch.industry_templates t where t.slug = @Slug
    on conflict (tenant_id) do update set
        industry_slug = excluded.industry_slug, industry_name = excluded.industry_name, categories = excluded.categories,
        scoring_config = excluded.scoring_config, search_terms = excluded.search_terms, size_equivalences = excluded.size_equivalences,
        hard_block_rules = excluded.hard_block_rules, specialty_brands = excluded.specialty_brands, unit_types = excluded.unit_types,
        ai_extraction_categories = excluded.ai_extraction_categories, ai_matching_rules = excluded.ai_matching_rules,
        use_new_matcher = excluded.use_new_matcher, updated_at = now()
    returning ip.*
)
select row_to_json(applied)::text from applied;
