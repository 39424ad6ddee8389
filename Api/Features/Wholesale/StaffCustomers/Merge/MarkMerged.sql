-- Retires the merged account (already locked): it points at the survivor, leaves every list, cannot sign in, and its store
-- credit is handed over (returned here, added to the survivor by Finish.sql). Its other data stays for the record.
with before as (select store_credit from wholesale.customers where id = @Merge)
update wholesale.customers m set merged_into = @Keep, deleted_at = now(), updated_at = now(), password_hash = null, store_credit = 0
from before where m.id = @Merge
returning before.store_credit;
