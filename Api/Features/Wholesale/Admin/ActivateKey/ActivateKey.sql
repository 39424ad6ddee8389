update wholesale.api_keys set is_active = true, revoked_at = null, revoked_by = null where id = @KeyId returning id;
