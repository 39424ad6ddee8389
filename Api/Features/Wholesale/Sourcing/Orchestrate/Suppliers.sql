-- Active suppliers listing the category (case-insensitive), or, with no category, those that quoted on this product's
-- RFQs; best rated first, then shortest lead time.
select s.id as "Id", s.name as "Name", s.platform as "Platform", s.rating as "Rating", s.lead_time_days as "LeadTimeDays",
       (select q.price from wholesale.rfq_quotes q join wholesale.rfqs r on r.id = q.rfq_id
         where q.supplier_id = s.id and r.product_id = @ProductId::bigint order by q.id desc limit 1) as "LastQuotePrice",
       (select count(*) from wholesale.rfq_quotes q join wholesale.rfqs r on r.id = q.rfq_id
         where q.supplier_id = s.id and r.product_id = @ProductId::bigint)::int as "QuoteCount"
from wholesale.suppliers s
where s.is_active
  and ((@Category::text is not null and exists (select 1 from unnest(s.product_categories) pc where lower(pc) = lower(@Category::text)))
       or exists (select 1 from wholesale.rfq_quotes q join wholesale.rfqs r on r.id = q.rfq_id
                  where q.supplier_id = s.id and r.product_id = @ProductId::bigint))
order by s.rating desc nulls last, s.lead_time_days nulls last, s.id
limit 10;
