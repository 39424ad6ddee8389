-- Deletes the caller's own account: orders (and their payments and invoices) stay but lose the link, every sign-in and
-- pending token ends, and the record keeps no personal data (only its id, kind, dates and terms, for the books).
-- No row: not the caller's live record.
with me as (
    select id from wholesale.customers where id = @UserId and id = @CallerId and deleted_at is null for update
), orders as (
    update wholesale.orders set customer_id = null, updated_at = now() where customer_id in (select id from me)
), payments as (
    update wholesale.payments set customer_id = null where customer_id in (select id from me)
), invoices as (
    update wholesale.invoices set customer_id = null where customer_id in (select id from me)
), sessions as (
    update wholesale.customer_sessions set revoked_at = now() where customer_id in (select id from me) and revoked_at is null
), tokens as (
    update wholesale.auth_tokens set used_at = now()
     where subject_kind = 'customer' and subject_id in (select id from me) and used_at is null
), erased as (
    update wholesale.customers c set
        username = null, email = null, password_hash = null, email_verified = false, email_verified_at = null,
        first_name = null, last_name = null, company_name = null, phone = null, business_type = null, business_ein = null,
        resale_certificate = null, state_of_operation = null, shipping_address = null, billing_address = null, notes = null,
        sms_opt_in = false, last_login_at = null, deleted_at = now(), updated_at = now()
    from me where c.id = me.id
    returning c.id
)
select id as "Id" from erased;
