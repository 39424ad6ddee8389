-- Days start at midnight in the business time zone (@Zone). shipped_today: orders moved to shipped since today's midnight;
-- in_transit: orders now shipped; delivered_7d: orders moved to delivered since midnight six days ago (today and the six
-- days before). Counted once per order.
with bounds as (
    select (date_trunc('day', now() at time zone @Zone)) at time zone @Zone as today,
           (date_trunc('day', now() at time zone @Zone) - interval '6 days') at time zone @Zone as week
)
select (select count(distinct e.order_id)::int from wholesale.order_events e, bounds b
         where e.kind = 'status' and e.to_status = 'shipped' and e.created_at >= b.today) as "ShippedToday",
       (select count(*)::int from wholesale.orders o where o.status = 'shipped' and o.deleted_at is null) as "InTransit",
       (select count(distinct e.order_id)::int from wholesale.order_events e, bounds b
         where e.kind = 'status' and e.to_status = 'delivered' and e.created_at >= b.week) as "Delivered7d";
