-- Ends one customer session.
update wholesale.customer_sessions set revoked_at = now() where id = @SessionId and revoked_at is null;
