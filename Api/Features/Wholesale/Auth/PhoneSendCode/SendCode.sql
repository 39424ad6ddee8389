-- Under the phone's advisory lock (taken first): unless 3 codes went to this number in the last 15 minutes, retire its
-- earlier codes and store a new one (10 minutes), whether or not an account uses the number, so the answer and the limit
-- look the same for every number. HasAccount: a live login account uses it (only then is a text sent).
with recent as (
    select count(*) as n, min(created_at) as first_at from wholesale.phone_codes
     where phone = @Phone and created_at > now() - interval '15 minutes'
), retired as (
    update wholesale.phone_codes set consumed_at = now()
     where phone = @Phone and consumed_at is null and (select n from recent) < @MaxSends
), issued as (
    insert into wholesale.phone_codes (phone, code_hash, expires_at)
    select @Phone, @CodeHash, now() + interval '10 minutes' where (select n from recent) < @MaxSends
    returning id
)
select exists (select from issued) as "Issued",
       coalesce(extract(epoch from (select first_at from recent) + interval '15 minutes' - now()), 0)::int as "RetryAfterSeconds",
       exists (select from wholesale.customers c
                where c.deleted_at is null and c.password_hash is not null and c.phone = @Phone) as "HasAccount";
