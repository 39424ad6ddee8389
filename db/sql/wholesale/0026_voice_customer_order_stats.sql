-- call-queue (issue 16; target p95 < 100 ms over 20,000 voice customers and 300,000 orders): per-customer aggregates of the
-- live orders (not cancelled, not soft deleted), which the queue's ranking read from every order on every request. Kept exact
-- by statement-level triggers on wholesale.orders (functions/customer_order_stats_orders.sql; created here first, re-applied
-- from there). Order lines do not enter these figures, so order_items needs no trigger.
create table wholesale.customer_order_stats (
    customer_id bigint        primary key,
    n           bigint        not null,
    ltv         numeric(14,2) not null,
    first_at    timestamptz   not null,
    last_at     timestamptz   not null
);
-- the queue reads the customers whose last order falls in its days-since window
create index customer_order_stats_last on wholesale.customer_order_stats (last_at) include (customer_id, n, ltv, first_at);

create or replace function wholesale.customer_order_stats_orders() returns trigger
language plpgsql as $$
begin
    return null;
end
$$;

create trigger orders_customer_stats_ins after insert on wholesale.orders
    referencing new table as new_rows for each statement execute function wholesale.customer_order_stats_orders();
create trigger orders_customer_stats_upd after update on wholesale.orders
    referencing old table as old_rows new table as new_rows for each statement execute function wholesale.customer_order_stats_orders();
create trigger orders_customer_stats_del after delete on wholesale.orders
    referencing old table as old_rows for each statement execute function wholesale.customer_order_stats_orders();
create trigger orders_customer_stats_trunc after truncate on wholesale.orders
    for each statement execute function wholesale.customer_order_stats_orders();

insert into wholesale.customer_order_stats (customer_id, n, ltv, first_at, last_at)
select o.customer_id, count(*), sum(o.total_amount), min(o.created_at), max(o.created_at)
from wholesale.orders o
where o.customer_id is not null and o.deleted_at is null and o.status <> 'cancelled'
group by o.customer_id;
analyze wholesale.customer_order_stats;
