-- The active staff user named by username or email gets a 1-hour reset token (earlier ones retired), in one statement that
-- costs the same whether or not it matches. No row: no such active user (or no email to send to).
with u as (
    select id, email::text as email from wholesale.staff_users
     where is_active and (username = cast(@Identifier as citext) or email = cast(@Identifier as citext))
     order by (username = cast(@Identifier as citext)) desc, id
     limit 1
), retired as (
    update wholesale.auth_tokens set used_at = now()
     where subject_kind = 'staff' and subject_id in (select id from u) and purpose = 'reset_password' and used_at is null
), issued as (
    insert into wholesale.auth_tokens (subject_kind, subject_id, purpose, token_hash, expires_at)
    select 'staff', id, 'reset_password', @TokenHash, now() + interval '1 hour' from u
    returning subject_id
)
select u.email as "Email" from u join issued on issued.subject_id = u.id where u.email is not null;
