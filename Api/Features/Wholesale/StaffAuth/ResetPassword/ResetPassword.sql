-- New password for an active staff user; every staff token of theirs is revoked and pending resets retired.
-- No row: no such active user.
with u as (
    update wholesale.staff_users set password_hash = @Hash, updated_at = now()
     where id = @Id and is_active
    returning id, email::text as email
), tokens as (
    update wholesale.staff_tokens set revoked_at = now() where staff_id in (select id from u) and revoked_at is null
), resets as (
    update wholesale.auth_tokens set used_at = now()
     where subject_kind = 'staff' and subject_id in (select id from u) and purpose = 'reset_password' and used_at is null
)
select email as "Email" from u;
