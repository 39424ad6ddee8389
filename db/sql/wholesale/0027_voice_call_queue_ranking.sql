-- call-queue (issue 16; target p95 < 100 ms over 20,000 voice customers and 300,000 orders), after 0026's per-customer
-- summary: what the ranking still computed on every request.
-- 1. The reorder gap, avg_reorder_cycle before its floor of 1: (last − first) / (count − 1) days, null for one-order customers.
--    A stored generated column: the same numeric expression the queue evaluated per customer, so the values are identical,
--    and it follows every write of 0026's trigger (inserts, upserts, recomputes) with no change to that function.
alter table wholesale.customer_order_stats
    add column gap numeric generated always as
        (case when n > 1 then extract(epoch from last_at - first_at) / 86400.0 / (n - 1) end) stored;
-- 2. The two medians (the cycle of one-order customers, the ltv of ltv_weight) are read as the middle entries of these
--    indexes (count, then offset) instead of sorting every customer on every request.
create index customer_order_stats_gap on wholesale.customer_order_stats (gap) where gap is not null;
create index customer_order_stats_ltv on wholesale.customer_order_stats (ltv);
-- 3. Cooldown: only a call logged within cooldown_days can hide a customer, so the queue reads those calls by time instead
--    of the latest call of every customer (the page's last_call is then one lookup per row in outbound_call_log_customer).
create index outbound_call_log_created on wholesale.outbound_call_log (created_at) where customer_id is not null;
analyze wholesale.customer_order_stats;
