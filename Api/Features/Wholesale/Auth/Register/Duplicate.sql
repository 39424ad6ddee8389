-- Which field of a registration a live login account already uses (username first, then email, then phone).
select case when bool_or(username = cast(@Username as citext)) then 'username'
            when bool_or(email = cast(@Email as citext)) then 'email'
            when bool_or(phone = @Phone) then 'phone' end as "Field"
from wholesale.customers
where deleted_at is null and password_hash is not null
  and (username = cast(@Username as citext) or email = cast(@Email as citext) or (@Phone is not null and phone = @Phone));
