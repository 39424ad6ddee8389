-- Revokes the tenant's live feed tokens and stores the hash of a new one. One row: the new token and how many were revoked.
with revoked as (
    update adpriority.feed_tokens set revoked_at = now() where tenant_id = @TenantId and revoked_at is null returning id
), created as (
    insert into adpriority.feed_tokens (tenant_id, token_hash, token_prefix) values (@TenantId, @Hash, @Prefix) returning created_at
)
select created.created_at as "CreatedAt", (select count(*)::int from revoked) as "Revoked" from created;
