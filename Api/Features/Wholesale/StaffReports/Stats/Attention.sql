-- needs_attention: the current work list, whatever the range (docs/wholesale.md); served by the partial index orders_attention.
-- "AgesAt": the first moment a pending order not yet 24 hours old turns 24 hours old (the count then changes with no write,
-- so a cached answer expires there); null: no such order.
select count(*) as "Count",
       (select min(p.created_at) + interval '24 hours'
        from wholesale.orders p
        where p.deleted_at is null and p.status = 'pending' and p.created_at >= now() - interval '24 hours'
          and (@RepId::bigint is null or p.sales_rep_id = @RepId)) as "AgesAt"
from wholesale.orders a
where a.deleted_at is null and (@RepId::bigint is null or a.sales_rep_id = @RepId)
  and (a.refund_failed
       or (a.status in ('pending', 'confirmed', 'packed', 'shipped')
           and (a.needs_review or a.payment_status in ('check_review', 'failed')
                or (a.status = 'pending' and a.created_at < now() - interval '24 hours'))));
