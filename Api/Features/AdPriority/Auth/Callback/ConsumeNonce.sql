-- Uses the state nonce issued to this shop once, within its 10 minutes. 0: unknown, expired, reused or another shop's.
with used as (
    update adpriority.oauth_nonces set used_at = now()
     where nonce = @Nonce and shop_domain = @Shop and used_at is null and expires_at > now()
    returning 1
)
select count(*)::int from used;
