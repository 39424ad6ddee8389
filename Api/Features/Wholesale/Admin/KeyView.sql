-- Keys as admins see them (@Id null: all, newest first). Never key_hash.
select k.id as "Id", k.name as "Name", k.prefix as "Prefix", k.key_preview as "KeyPreview", k.description as "Description",
       k.scopes as "Scopes", k.is_active as "IsActive", k.created_at as "CreatedAt", cb.username::text as "CreatedBy",
       k.expires_at as "ExpiresAt", k.revoked_at as "RevokedAt", rb.username::text as "RevokedBy",
       k.last_used_at as "LastUsedAt", k.use_count as "UseCount"
from wholesale.api_keys k
left join wholesale.staff_users cb on cb.id = k.created_by
left join wholesale.staff_users rb on rb.id = k.revoked_by
where @Id::bigint is null or k.id = @Id::bigint
order by k.created_at desc, k.id desc;
