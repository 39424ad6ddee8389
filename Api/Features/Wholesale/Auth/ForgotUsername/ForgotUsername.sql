-- The username of the live login account registered to this email. No row: none.
select username::text as "Username", email::text as "Email" from wholesale.customers
where deleted_at is null and password_hash is not null and username is not null and email = cast(@Email as citext)
order by id
limit 1;
