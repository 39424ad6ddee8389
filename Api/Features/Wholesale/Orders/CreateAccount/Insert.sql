-- Creates the account (unverified) with a verification token. No row: the email or username is already an account's.
with c as (
    insert into wholesale.customers (kind, username, email, password_hash, email_verified, first_name, last_name, company_name, phone, shipping_address)
    select 'account', @Email, @Email, @PasswordHash, false, @FirstName, @LastName, @Company, @Phone, @ShippingAddress
    where not exists (select from wholesale.customers x
                       where x.deleted_at is null and (x.username = cast(@Email as citext) or (x.email = cast(@Email as citext) and x.password_hash is not null)))
    on conflict do nothing
    returning id, username, email, first_name, last_name, company_name, phone, shipping_address, email_verified
), t as (
    insert into wholesale.auth_tokens (subject_kind, subject_id, purpose, token_hash, expires_at)
    select 'customer', c.id, 'verify_email', @TokenHash, now() + interval '48 hours' from c
)
select id as "Id", username::text as "Username", email::text as "Email", first_name as "FirstName", last_name as "LastName",
       company_name as "CompanyName", phone as "Phone", shipping_address as "ShippingAddress", email_verified as "EmailVerified"
from c;
