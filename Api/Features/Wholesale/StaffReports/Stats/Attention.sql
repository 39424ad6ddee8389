-- needs_attention: the current work list, whatever the range (docs/wholesale.md); served by the partial index orders_attention.
select count(*)
from wholesale.orders a
where a.deleted_at is null and (@RepId::bigint is null or a.sales_rep_id = @RepId)
  and (a.refund_failed
       or (a.status in ('pending', 'confirmed', 'packed', 'shipped')
           and (a.needs_review or a.payment_status in ('check_review', 'failed')
                or (a.status = 'pending' and a.created_at < now() - interval '24 hours'))));
