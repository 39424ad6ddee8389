-- Active subscriptions whose next renewal date has come, oldest first; one refused or unreachable attempt in the last
-- 20 hours waits for the next day's run (a declined card is retried once a day, not on every call).
select s.id
from wholesale.subscriptions s
where s.status = 'active' and s.next_renewal_date <= cast(@Today as date)
  and not exists (select from wholesale.subscription_renewals r
                   where r.subscription_id = s.id and r.status in ('failed', 'error') and r.created_at > now() - interval '20 hours')
order by s.next_renewal_date, s.id
limit @Limit;
