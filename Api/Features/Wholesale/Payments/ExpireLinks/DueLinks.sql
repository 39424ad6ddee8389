-- Open payment links past their expiry, oldest first (a bounded batch per run).
select stripe_link_id
from wholesale.payment_links
where deactivated_at is null and completed_at is null and expires_at <= now()
order by expires_at
limit 200;
