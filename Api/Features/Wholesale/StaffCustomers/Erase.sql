-- Erases the customers @Ids (already checked and locked): orders, payments and invoices lose the link, sign-ins and pending
-- tokens end, the row keeps only id, kind, dates and terms. One audit row per customer.
with targets as (
    select id from wholesale.customers where id = any(@Ids) and deleted_at is null
), orders as (
    update wholesale.orders set customer_id = null, updated_at = now() where customer_id in (select id from targets)
), payments as (
    update wholesale.payments set customer_id = null where customer_id in (select id from targets)
), invoices as (
    update wholesale.invoices set customer_id = null where customer_id in (select id from targets)
), rfqs as (
    update wholesale.rfqs set customer_id = null where customer_id in (select id from targets)
), sessions as (
    update wholesale.customer_sessions set revoked_at = now() where customer_id in (select id from targets) and revoked_at is null
), tokens as (
    update wholesale.auth_tokens set used_at = now()
     where subject_kind = 'customer' and subject_id in (select id from targets) and used_at is null
), audit as (
    insert into wholesale.audit_log (actor_kind, actor_id, action, entity, entity_id)
    select 'staff', @StaffId, 'customer.deleted', 'customer', id::text from targets
)
update wholesale.customers c set
    username = null, email = null, password_hash = null, email_verified = false, email_verified_at = null,
    first_name = null, last_name = null, company_name = null, phone = null, phone2 = null, business_type = null, business_ein = null,
    resale_certificate = null, state_of_operation = null, shipping_address = null, billing_address = null, notes = null,
    sms_opt_in = false, last_login_at = null, deleted_at = now(), updated_at = now()
where c.id in (select id from targets);
