-- Records an issued staff token (its jti) and the sign-in.
with t as (
    insert into wholesale.staff_tokens (jti, staff_id, expires_at, portal) values (@Jti, @StaffId, @ExpiresAt, @Portal)
)
update wholesale.staff_users set last_login_at = now() where id = @StaffId;
