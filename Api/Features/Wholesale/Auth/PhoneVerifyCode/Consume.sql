-- Uses up the code and names the live login account on the phone (the most recently active one if several share it).
-- No row: no account uses the number (the code is used up all the same).
with used as (
    update wholesale.phone_codes set consumed_at = now() where id = @CodeId
)
select id as "Id" from wholesale.customers
where deleted_at is null and password_hash is not null and phone = @Phone
order by last_login_at desc nulls last, id desc
limit 1;
