-- Issue 20 §4: GET /api/priorities filtered by category group (label2, the merchant's usual filter) read every live score
-- of the tenant twice per request: the summary as a sequential scan (label2 was in no index) and the page along
-- priority_scores_page with a heap fetch for every row the filter then dropped (4,000+ for page 2 of a 2,500-score
-- category). At 16 connections that work queued up (bench: p95 14.5 ms alone, 1,089 ms at 16 connections).
-- This index gives the category its own range in page order: the summary is an index-only scan of the category's scores
-- (priority, lock and calculation time are included), the page walks only the category. One more index entry per
-- inserted score (about 5% of a 20,000-score insert).
create index priority_scores_category on adpriority.priority_scores (tenant_id, label2, product_title, shopify_variant_id)
    include (priority, is_override, calculated_at) where live;
