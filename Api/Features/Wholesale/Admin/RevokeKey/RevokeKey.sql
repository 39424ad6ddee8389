-- Revoking twice keeps the first revocation's time and staff member.
update wholesale.api_keys
set is_active = false, revoked_at = coalesce(revoked_at, now()), revoked_by = case when revoked_at is null then @StaffId else revoked_by end
where id = @KeyId returning id;
