-- The username of the active staff user with this email. No row: none.
select username::text as "Username", email::text as "Email" from wholesale.staff_users
where is_active and email = cast(@Email as citext);
