-- Moves a subscription through its state machine (active <-> paused, active or paused -> cancelled). No row: not found.
-- Moved false: the move is not allowed from Previous. Resuming a subscription whose next renewal date has passed moves it
-- to today + interval_days (no catch-up charge).
with t as (
    select id, status, next_renewal_date, interval_days from wholesale.subscriptions where id = @Id for no key update
), u as (
    update wholesale.subscriptions s
       set status = @To, status_changed_at = now(), status_changed_by = @Actor, updated_at = now(),
           next_renewal_date = case when @To = 'active' and t.next_renewal_date < cast(@Today as date)
                                    then cast(@Today as date) + t.interval_days else t.next_renewal_date end
      from t
     where s.id = t.id and t.status = any(@From)
    returning s.status, s.next_renewal_date
)
select t.status as "Previous", (u.status is not null) as "Moved", coalesce(u.next_renewal_date, t.next_renewal_date) as "NextRenewalDate"
from t left join u on true;
