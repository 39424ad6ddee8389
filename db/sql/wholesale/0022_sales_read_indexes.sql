-- Sales reads on full-size data (issue 14): the scores list and the calling list page through an index in their sort order
-- instead of sorting every row, and count without a join.

-- Scores: descending orderings sort by (tier_rank desc, column desc, customer_id); filtered by a tier, by (column desc, customer_id).
create index customer_scores_value on wholesale.customer_scores (tier_rank desc, value_12m desc, customer_id);
drop index wholesale.customer_scores_tier;
create index customer_scores_tier on wholesale.customer_scores (tier, expected_orders_90d desc, customer_id);
create index customer_scores_tier_value on wholesale.customer_scores (tier, value_12m desc, customer_id);
create index customer_scores_tier_palive on wholesale.customer_scores (tier, p_alive desc, customer_id);

-- A good run records its tier counts with its scores (the list's tier_counts and unfiltered total without a count).
alter table wholesale.score_runs add column tier_counts jsonb;
create index score_runs_succeeded on wholesale.score_runs (finished_at desc, id desc) where status = 'succeeded';
