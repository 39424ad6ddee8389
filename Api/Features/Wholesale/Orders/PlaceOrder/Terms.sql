-- The buyer's terms and unpaid net-30 balance, with the customer row locked for the order's transaction so two net-30
-- orders cannot both spend the same credit. No row: the customer is gone.
select c.account_approved as "Approved", c.payment_terms as "Terms", c.credit_limit as "CreditLimit",
       coalesce((select sum(o.total_amount - o.amount_paid)
                   from wholesale.orders o
                  where o.customer_id = c.id and o.payment_method = 'net30' and o.status <> 'cancelled'
                    and o.deleted_at is null and o.payment_status not in ('paid', 'refunded')), 0) as "Unpaid"
from wholesale.customers c
where c.id = @CustomerId and c.deleted_at is null
for no key update of c;   -- not "for update": orders' key-share locks on the customer must not wait on it
