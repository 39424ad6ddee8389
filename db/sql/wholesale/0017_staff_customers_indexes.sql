-- Staff portal customers (issue 13), bench targets on 50,000 customers and 300,000 orders.
-- Every staff view of a customer shows its live order count and spend (orders not deleted, not cancelled): the list's 50
-- rows per page, GET one, merge's kept customer, and the CSV export's one pass over all orders. This partial covering index
-- answers all of them from the index alone (index-only scans): per customer for the list, and in customer order for the
-- export, which then merge-joins the customers by id and streams without sorting.
create index orders_customer_totals on wholesale.orders (customer_id) include (total_amount)
    where deleted_at is null and status <> 'cancelled';
