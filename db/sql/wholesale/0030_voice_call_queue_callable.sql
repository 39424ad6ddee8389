-- call-queue (issue 16), after 0027: what the ranking and the medians still paid for on every request.
-- 1. The customers who can never be in the queue (flagged do_not_call, deleted, merged, a missing or non-E.164 phone): the
--    exact negation of the queue's callable condition, so the queue reads this handful of ids (plus the numbers on
--    wholesale.do_not_call, through customers_phone) instead of looking up every candidate's customers row.
create index customers_uncallable on wholesale.customers (id)
    where (not do_not_call and deleted_at is null and merged_into is null and phone ~ '^\+[1-9][0-9]{6,14}$') is not true;
-- 2. The medians are read from the middle of customer_order_stats_gap and _ltv by index-only scans, which check the heap for
--    every entry on a page not marked all-visible; every order write updates a row here and clears its page's bit, and the
--    default autovacuum waits for 20 % of the table (about 4,000 rows on 20,000 customers). Vacuum this small table after a few
--    hundred changes instead (a vacuum of it takes milliseconds), so the scans stay index-only.
alter table wholesale.customer_order_stats set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 500,
                                                autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 500);
