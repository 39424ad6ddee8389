-- Sales at full size, second pass (issue 14): the calling list pages through an index in its default order and counts from
-- that index alone.

-- The list's default order is (priority_score desc, id desc); the old index had id ascending, so every page sorted all the
-- matching rows. The included columns are everything the segments and a rep's scope test, so the count is an index-only scan.
drop index wholesale.calling_list_score;
create index calling_list_score_page on wholesale.calling_list (priority_score desc, id desc)
    include (assigned_to, status, last_called, customer_id);
drop index wholesale.calling_list_assignee_score;
create index calling_list_assignee_score on wholesale.calling_list (assigned_to, priority_score desc, id desc);

-- Do-not-call customers are few: the list hashes them once (CallingList.DoNotCall) instead of joining every customer.
create index customers_do_not_call on wholesale.customers (id) where do_not_call;
