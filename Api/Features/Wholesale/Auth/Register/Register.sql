-- Creates a login account unless a live login account already uses the username, email or phone. No row: created nothing
-- because of a duplicate, named by the second statement (Duplicate.sql).
insert into wholesale.customers (kind, username, email, password_hash, company_name, phone, business_type, business_ein,
                                 resale_certificate, state_of_operation)
select 'account', cast(@Username as citext), cast(@Email as citext), @PasswordHash, @CompanyName, @Phone, @BusinessType, @BusinessEin,
       @ResaleCertificate, @StateOfOperation
where not exists (
    select from wholesale.customers c
     where c.deleted_at is null and c.password_hash is not null
       and (c.username = cast(@Username as citext) or c.email = cast(@Email as citext) or (@Phone is not null and c.phone = @Phone)))
returning id as "Id";
