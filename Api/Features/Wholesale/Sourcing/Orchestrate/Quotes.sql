-- Past quotes on RFQs for the product: count, min, median, max, and the latest awarded price.
select count(*)::int as "Count", min(q.price) as "Min",
       round((percentile_cont(0.5) within group (order by q.price))::numeric, 2) as "Median", max(q.price) as "Max",
       (select r2.awarded_price from wholesale.rfqs r2 where r2.product_id = @ProductId::bigint and r2.awarded_price is not null
         order by r2.awarded_at desc limit 1) as "AwardedLast"
from wholesale.rfq_quotes q
join wholesale.rfqs r on r.id = q.rfq_id
where r.product_id = @ProductId::bigint;
