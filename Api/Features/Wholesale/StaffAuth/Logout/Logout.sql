-- Revokes one staff token (its jti, for the staff user it was issued to).
update wholesale.staff_tokens set revoked_at = now() where jti = @Jti and staff_id = @StaffId and revoked_at is null;
