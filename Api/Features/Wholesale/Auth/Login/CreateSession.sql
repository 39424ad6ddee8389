-- Starts a 30-day session (the cookie value's SHA-256) and records the sign-in. Returns the session's expiry.
with s as (
    insert into wholesale.customer_sessions (customer_id, token_hash, expires_at, user_agent, ip)
    values (@CustomerId, @TokenHash, now() + interval '30 days', @UserAgent, @Ip)
    returning expires_at
), signed_in as (
    update wholesale.customers set last_login_at = now() where id = @CustomerId
)
select expires_at as "ExpiresAt" from s;
