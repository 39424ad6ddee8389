-- Money received for the order in any form (a recorded payment, a check awaiting review, amount_paid).
select (o.amount_paid > 0
        or exists (select from wholesale.payments p where p.order_id = o.id and p.status in ('succeeded', 'under_review', 'pending')))
from wholesale.orders o where o.id = @Id;
