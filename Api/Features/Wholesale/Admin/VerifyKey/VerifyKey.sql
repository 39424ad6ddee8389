-- The key with this hash, and why it would be refused (the same conditions as the X-API-Key scheme).
select id as "Id",
       case when revoked_at is not null then 'revoked'
            when not is_active then 'inactive'
            when expires_at is not null and expires_at <= now() then 'expired'
            else 'valid' end as "Reason"
from wholesale.api_keys
where key_hash = @KeyHash;
