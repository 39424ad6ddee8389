-- Locks the live customers among @Ids and reports what each still owes (orders not cancelled, not deleted, not fully paid)
-- and their store credit. A missing id: not found (or already deleted or merged).
select c.id as "Id", c.store_credit as "StoreCredit",
       coalesce((select sum(o.total_amount - o.amount_paid) from wholesale.orders o
                  where o.customer_id = c.id and o.deleted_at is null and o.status <> 'cancelled'
                    and o.payment_status not in ('paid', 'refunded') and o.total_amount > o.amount_paid), 0) as "Unpaid"
from wholesale.customers c
where c.id = any(@Ids) and c.deleted_at is null and c.merged_into is null
order by c.id
for update of c;
