-- Stores the SHA-256 of the raw key (never the key itself).
insert into wholesale.api_keys (name, prefix, key_hash, key_preview, description, scopes, created_by, expires_at)
values (@Name, @Prefix, @KeyHash, @KeyPreview, @Description::text, @Scopes::text[], @CreatedBy, @ExpiresAt::timestamptz)
returning id;
