-- Counts one try against the phone's live code (the newest unconsumed, unexpired one), locking it. No row: no live code.
with c as (
    select id from wholesale.phone_codes
     where phone = @Phone and consumed_at is null and expires_at > now()
     order by created_at desc limit 1
     for update
)
update wholesale.phone_codes p set attempts = p.attempts + 1
from c where p.id = c.id
returning p.id as "Id", p.code_hash as "CodeHash", p.attempts as "Attempts";
