-- New password for a live customer; every other session and pending reset/phone token of the account ends.
-- No row: no such live customer.
with u as (
    update wholesale.customers set password_hash = @Hash, updated_at = now(),
           email_verified = email_verified or (@VerifiesEmail and email is not null),
           email_verified_at = case when not email_verified and @VerifiesEmail and email is not null then now() else email_verified_at end
     where id = @Id and deleted_at is null
    returning id, email::text as email
), sessions as (
    update wholesale.customer_sessions set revoked_at = now()
     where customer_id in (select id from u) and revoked_at is null and id is distinct from @KeepSessionId
), tokens as (
    update wholesale.auth_tokens set used_at = now()
     where subject_kind = 'customer' and subject_id in (select id from u) and purpose in ('reset_password', 'phone_session') and used_at is null
)
select email as "Email" from u;
