-- Replaces every score with this run's in one statement pair (the caller's transaction), so a run appears whole.
delete from wholesale.customer_scores;
insert into wholesale.customer_scores (customer_id, run_id, x, t_x, t, orders_count, total_spent, first_order_at, last_order_at,
                                       p_alive, expected_orders_90d, expected_order_value, value_12m, tier, tier_rank, computed_at)
select s.customer_id, @RunId, s.x, s.t_x, s.t, s.orders_count, s.total_spent, s.first_at, s.last_at,
       s.p_alive, s.e90, s.ev, s.v12, s.tier, case when s.tier = 'new' then 1 else 2 end, now()
from unnest(@Ids, @Xs, @Txs, @Ts, @OrderCounts, @Spent, @FirstAt, @LastAt, @PAlive, @E90, @Ev, @V12, @Tiers)
     as s(customer_id, x, t_x, t, orders_count, total_spent, first_at, last_at, p_alive, e90, ev, v12, tier)
join wholesale.customers c on c.id = s.customer_id;
