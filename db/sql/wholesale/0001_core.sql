-- Wholesale (LLD restaurant supply): one business, so no tenant column. Isolation is between customers (every customer
-- query filters on the signed-in customer's id) and between staff roles (checked per request from staff_users).
-- Money is numeric(12,2), never float. Status changes of orders, payments and invoices record who and when; business
-- records are deleted softly (deleted_at) unless the document says "permanently". Later Wholesale issues add their
-- tables in migrations after this one.

create extension if not exists pg_trgm;
create extension if not exists citext;

-- ---------------------------------------------------------------------------------------------------------------- people
-- Customers: website accounts, imported contacts, guests (an order's email only), callers (voice), prospects.
-- The document's user_id is this id (orders.user_id). A login is optional: username/password_hash are null otherwise.
create table wholesale.customers (
    id                 bigint generated always as identity primary key,
    kind               text        not null default 'account'
                       check (kind in ('account', 'imported', 'guest', 'caller', 'prospect')),
    username           citext,
    email              citext,
    password_hash      text,
    email_verified     boolean     not null default false,
    email_verified_at  timestamptz,
    first_name         text,
    last_name          text,
    company_name       text,
    phone              text check (phone is null or phone ~ '^\+[1-9][0-9]{6,14}$'),   -- E.164
    business_type      text,
    business_ein       text,
    resale_certificate text,
    state_of_operation text,
    shipping_address   text,
    billing_address    text,
    payment_terms      text        not null default 'prepaid' check (payment_terms in ('prepaid', 'net30')),
    account_approved   boolean     not null default false,          -- approved for net-30 terms
    credit_limit       numeric(12,2) not null default 0 check (credit_limit >= 0),
    store_credit       numeric(12,2) not null default 0 check (store_credit >= 0),
    do_not_call        boolean     not null default false,
    sms_opt_in         boolean     not null default false,
    sales_rep_id       bigint,                                       -- references staff_users (added below)
    merged_into        bigint references wholesale.customers (id),
    notes              text,
    last_login_at      timestamptz,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    deleted_at         timestamptz
);
create unique index customers_username on wholesale.customers (username) where username is not null and deleted_at is null;
create unique index customers_account_email on wholesale.customers (email)
    where email is not null and password_hash is not null and deleted_at is null;
create index customers_email on wholesale.customers (email) where email is not null;
create index customers_phone on wholesale.customers (phone) where phone is not null;
create index customers_company_trgm on wholesale.customers using gin (company_name gin_trgm_ops);

-- Staff portal users. Roles: admin > manager > staff; sales_rep is a staff role with its own portal.
create table wholesale.staff_users (
    id            bigint generated always as identity primary key,
    username      citext      not null unique,
    email         citext      unique,
    password_hash text        not null,
    first_name    text,
    last_name     text,
    phone         text,
    role          text        not null check (role in ('admin', 'manager', 'staff', 'sales_rep')),
    is_active     boolean     not null default true,
    commission_rate numeric(5,2) not null default 0 check (commission_rate between 0 and 100),
    last_login_at timestamptz,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    deactivated_at timestamptz
);
alter table wholesale.customers add constraint customers_sales_rep_fk foreign key (sales_rep_id) references wholesale.staff_users (id);

-- Customer sign-ins: the `session` cookie's random value, stored as its SHA-256. 30 days, sliding.
create table wholesale.customer_sessions (
    id           bigint generated always as identity primary key,
    customer_id  bigint      not null references wholesale.customers (id),
    token_hash   bytea       not null unique,
    created_at   timestamptz not null default now(),
    last_seen_at timestamptz not null default now(),
    expires_at   timestamptz not null,
    revoked_at   timestamptz,
    user_agent   text,
    ip           text
);
create index customer_sessions_customer on wholesale.customer_sessions (customer_id) where revoked_at is null;

-- Staff JWTs (12 h): one row per issued token (jti), so logout and a password change revoke them.
create table wholesale.staff_tokens (
    jti         uuid        primary key,
    staff_id    bigint      not null references wholesale.staff_users (id),
    issued_at   timestamptz not null default now(),
    expires_at  timestamptz not null,
    revoked_at  timestamptz,
    portal      text        not null default 'staff' check (portal in ('staff', 'shipping'))
);
create index staff_tokens_staff on wholesale.staff_tokens (staff_id) where revoked_at is null;

-- Single-use tokens: email verification, password resets (customers and staff), phone session tokens. Stored hashed.
create table wholesale.auth_tokens (
    id           bigint generated always as identity primary key,
    subject_kind text        not null check (subject_kind in ('customer', 'staff')),
    subject_id   bigint      not null,
    purpose      text        not null check (purpose in ('verify_email', 'reset_password', 'phone_session')),
    token_hash   bytea       not null unique,
    expires_at   timestamptz not null,
    used_at      timestamptz,
    created_at   timestamptz not null default now()
);
create index auth_tokens_subject on wholesale.auth_tokens (subject_kind, subject_id, purpose) where used_at is null;

-- Phone one-time codes: 6 digits, hashed, 10 minutes, 5 tries. Sends per phone are counted from this table.
create table wholesale.phone_codes (
    id          bigint generated always as identity primary key,
    phone       text        not null,
    code_hash   bytea       not null,
    attempts    int         not null default 0,
    expires_at  timestamptz not null,
    consumed_at timestamptz,
    created_at  timestamptz not null default now()
);
create index phone_codes_phone on wholesale.phone_codes (phone, created_at desc);

-- Integrator API keys: SHA-256 of the raw key; the raw key is shown once. Usage counters are flushed in batches.
create table wholesale.api_keys (
    id           bigint generated always as identity primary key,
    name         text        not null,
    prefix       text        not null,
    key_hash     text        not null unique,
    key_preview  text        not null,
    description  text,
    scopes       text[]      not null default array['products:read', 'products:write', 'voice'],
    is_active    boolean     not null default true,
    created_at   timestamptz not null default now(),
    created_by   bigint references wholesale.staff_users (id),
    expires_at   timestamptz,
    revoked_at   timestamptz,
    revoked_by   bigint references wholesale.staff_users (id),
    last_used_at timestamptz,
    use_count    bigint      not null default 0
);

-- ---------------------------------------------------------------------------------------------------------------- catalog
create table wholesale.categories (
    id          bigint generated always as identity primary key,
    name        text        not null,
    description text,
    sort_order  int         not null default 0,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    deleted_at  timestamptz
);
create unique index categories_name on wholesale.categories (lower(name)) where deleted_at is null;

-- stock_quantity null = not tracked (in_stock is then set by hand); tracked: in_stock follows stock_quantity > 0.
create table wholesale.products (
    id             bigint generated always as identity primary key,
    sku            text        not null,
    name           text        not null,
    description    text,
    category_id    bigint references wholesale.categories (id),
    brand          text,
    unit_size      text,
    unit_price     numeric(12,2) not null check (unit_price >= 0),
    bulk_price     numeric(12,2) check (bulk_price >= 0),
    bulk_quantity  int check (bulk_quantity > 0),
    cost           numeric(12,2) check (cost >= 0),
    stock_quantity int check (stock_quantity >= 0),
    in_stock       boolean     not null default true,
    image_url      text,
    box_length_in  numeric(8,2),
    box_width_in   numeric(8,2),
    box_height_in  numeric(8,2),
    weight_lb      numeric(8,2),
    is_active      boolean     not null default true,
    search         tsvector generated always as (
                       setweight(to_tsvector('english', coalesce(name, '')), 'A') ||
                       setweight(to_tsvector('simple', coalesce(sku, '') || ' ' || coalesce(brand, '')), 'A') ||
                       setweight(to_tsvector('english', coalesce(description, '')), 'C')) stored,
    search_text    text generated always as (lower(coalesce(name, '') || ' ' || coalesce(sku, '') || ' ' || coalesce(brand, ''))) stored,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    deleted_at     timestamptz
);
create unique index products_sku on wholesale.products (lower(sku)) where deleted_at is null;
create index products_category on wholesale.products (category_id, name) where deleted_at is null;
create index products_name on wholesale.products (name, id) where deleted_at is null;
create index products_search on wholesale.products using gin (search);
create index products_search_trgm on wholesale.products using gin (search_text gin_trgm_ops);

-- Product images, stored in the database (the document serves them from the API); position 0 is the primary one.
create table wholesale.product_images (
    id           bigint generated always as identity primary key,
    product_id   bigint      not null references wholesale.products (id),
    content      bytea       not null,
    content_type text        not null,
    width        int,
    height       int,
    thumbnail    bytea,
    position     int         not null default 0,
    created_at   timestamptz not null default now()
);
create index product_images_product on wholesale.product_images (product_id, position);

-- Every stock movement, with who and why. balance_after is the tracked quantity after the movement.
create table wholesale.inventory_ledger (
    id            bigint generated always as identity primary key,
    product_id    bigint      not null references wholesale.products (id),
    delta         int         not null,
    balance_after int,
    reason        text        not null,   -- order_reserved, order_released, adjustment, restock, ...
    order_id      bigint,
    actor_kind    text        not null check (actor_kind in ('customer', 'staff', 'api_key', 'system')),
    actor_id      bigint,
    note          text,
    created_at    timestamptz not null default now()
);
create index inventory_ledger_product on wholesale.inventory_ledger (product_id, created_at desc);

-- ---------------------------------------------------------------------------------------------------------------- orders
create table wholesale.orders (
    id                  bigint generated always as identity primary key,
    order_number        text        not null unique,
    customer_id         bigint references wholesale.customers (id),    -- the document's user_id
    status              text        not null default 'pending'
                        check (status in ('pending', 'confirmed', 'packed', 'shipped', 'delivered', 'cancelled')),
    source              text        not null default 'web' check (source in ('web', 'staff', 'sales', 'voice', 'import', 'subscription')),
    delivery_name       text,
    delivery_first_name text,
    delivery_last_name  text,
    delivery_email      citext,
    delivery_company    text,
    delivery_address    text,
    delivery_city       text,
    delivery_state      text,
    delivery_zip        text,
    delivery_phone      text,
    special_notes       text,
    billing_address     text,
    subtotal            numeric(12,2) not null default 0,
    discount_amount     numeric(12,2) not null default 0,
    delivery_fee        numeric(12,2) not null default 0,
    total_amount        numeric(12,2) not null default 0,
    amount_paid         numeric(12,2) not null default 0,
    payment_method      text        not null default 'net30',
    payment_status      text        not null default 'unpaid'
                        check (payment_status in ('unpaid', 'pending', 'partial', 'paid', 'refunded', 'failed', 'check_review')),
    needs_review        boolean     not null default false,
    review_reason       text,
    stripe_payment_intent_id text,
    tracking_number     text,
    carrier             text,
    shipping_cost       numeric(12,2) not null default 0,
    sales_rep_id        bigint references wholesale.staff_users (id),
    created_by_staff_id bigint references wholesale.staff_users (id),
    status_changed_at   timestamptz not null default now(),
    status_changed_by   text,
    payment_status_changed_at timestamptz,
    payment_status_changed_by text,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    deleted_at          timestamptz
);
create index orders_customer on wholesale.orders (customer_id, created_at desc);
create index orders_created on wholesale.orders (created_at desc);
create index orders_status on wholesale.orders (status, created_at desc) where deleted_at is null;
create index orders_phone on wholesale.orders (delivery_phone, created_at desc) where delivery_phone is not null;
create index orders_email on wholesale.orders (delivery_email) where delivery_email is not null;
create index orders_sales_rep on wholesale.orders (sales_rep_id, created_at desc) where sales_rep_id is not null;
create unique index orders_payment_intent on wholesale.orders (stripe_payment_intent_id) where stripe_payment_intent_id is not null;

create table wholesale.order_items (
    id                bigint generated always as identity primary key,
    order_id          bigint        not null references wholesale.orders (id),
    product_id        bigint references wholesale.products (id),
    product_name      text          not null,
    product_sku       text,
    product_brand     text,
    product_unit_size text,
    quantity          int           not null check (quantity > 0),
    unit_price        numeric(12,2) not null,
    unit_cost         numeric(12,2),
    is_bulk_price     boolean       not null default false,
    line_total        numeric(12,2) not null
);
create index order_items_order on wholesale.order_items (order_id);
create index order_items_product on wholesale.order_items (product_id);

-- Who did what to an order and when: status moves, payments, notes.
create table wholesale.order_events (
    id          bigint generated always as identity primary key,
    order_id    bigint      not null references wholesale.orders (id),
    kind        text        not null,          -- status, payment, note, review, link, ...
    from_status text,
    to_status   text,
    actor_kind  text        not null check (actor_kind in ('customer', 'staff', 'api_key', 'system', 'stripe')),
    actor_id    bigint,
    reason      text,
    created_at  timestamptz not null default now()
);
create index order_events_order on wholesale.order_events (order_id, created_at);

-- The one order state machine: pending > confirmed > packed > shipped > delivered, or cancelled before delivery.
create function wholesale.order_transition_allowed(from_status text, to_status text) returns boolean
language sql immutable as $$
    select case
        when from_status = to_status then false
        when to_status = 'cancelled' then from_status in ('pending', 'confirmed', 'packed', 'shipped')
        else (from_status, to_status) in (('pending', 'confirmed'), ('confirmed', 'packed'), ('packed', 'shipped'), ('shipped', 'delivered'))
    end
$$;

-- Moves an order through the state machine and records the event. Returns the previous status, or null when the move
-- is not allowed (the caller answers 409) or the order does not exist.
create function wholesale.set_order_status(p_order_id bigint, p_to text, p_actor_kind text, p_actor_id bigint, p_reason text)
returns text language plpgsql as $$
declare
    previous text;
begin
    select status into previous from wholesale.orders where id = p_order_id and deleted_at is null for update;
    if previous is null or not wholesale.order_transition_allowed(previous, p_to) then
        return null;
    end if;
    update wholesale.orders
       set status = p_to, status_changed_at = now(), status_changed_by = p_actor_kind || coalesce(':' || p_actor_id, ''),
           updated_at = now()
     where id = p_order_id;
    insert into wholesale.order_events (order_id, kind, from_status, to_status, actor_kind, actor_id, reason)
    values (p_order_id, 'status', previous, p_to, p_actor_kind, p_actor_id, p_reason);
    return previous;
end
$$;

create table wholesale.payments (
    id                bigint generated always as identity primary key,
    order_id          bigint        not null references wholesale.orders (id),
    customer_id       bigint references wholesale.customers (id),
    method            text          not null check (method in ('card', 'link', 'check', 'cash', 'ach', 'credit', 'other')),
    amount            numeric(12,2) not null check (amount >= 0),
    status            text          not null default 'pending'
                      check (status in ('pending', 'under_review', 'succeeded', 'failed', 'rejected', 'refunded')),
    stripe_payment_intent_id text unique,
    reference         text,
    check_front       text,          -- SecretBox ciphertext (base64) of the image bytes
    check_front_type  text,
    check_front_name  text,
    check_back        text,
    check_back_type   text,
    check_back_name   text,
    notes             text,
    status_changed_at timestamptz   not null default now(),
    status_changed_by text,
    created_by        text,
    created_at        timestamptz   not null default now()
);
create index payments_order on wholesale.payments (order_id, created_at);
create index payments_review on wholesale.payments (created_at) where status = 'under_review';

-- Stripe Payment Links: single use, deactivated by a schedule after expires_at (Stripe links never expire themselves).
create table wholesale.payment_links (
    id              bigint generated always as identity primary key,
    order_id        bigint        not null references wholesale.orders (id),
    stripe_link_id  text          not null unique,
    url             text          not null,
    amount          numeric(12,2) not null,
    expires_at      timestamptz   not null,
    deactivated_at  timestamptz,
    completed_at    timestamptz,
    created_by      text          not null,
    created_at      timestamptz   not null default now()
);
create index payment_links_open on wholesale.payment_links (expires_at) where deactivated_at is null;

-- Signed single-use links that let a customer upload a check for one order without signing in.
create table wholesale.check_upload_links (
    id         bigint generated always as identity primary key,
    order_id   bigint      not null references wholesale.orders (id),
    token_hash bytea       not null unique,
    expires_at timestamptz not null,
    used_at    timestamptz,
    created_by text,
    created_at timestamptz not null default now()
);

-- Stripe webhook events applied once each.
create table wholesale.stripe_events (
    id          text        primary key,
    type        text        not null,
    received_at timestamptz not null default now()
);

-- ---------------------------------------------------------------------------------------------------------------- invoices, bills, RFQs
create table wholesale.invoices (
    id                bigint generated always as identity primary key,
    invoice_number    text          not null unique,
    customer_id       bigint references wholesale.customers (id),
    order_id          bigint references wholesale.orders (id),
    status            text          not null default 'draft' check (status in ('draft', 'sent', 'paid', 'overdue', 'void')),
    customer_name     text,
    customer_email    citext,
    customer_phone    text,
    billing_address   text,
    items             jsonb         not null default '[]',
    subtotal          numeric(12,2) not null default 0,
    discount_amount   numeric(12,2) not null default 0,
    tax_rate          numeric(6,3)  not null default 0,
    tax_amount        numeric(12,2) not null default 0,
    total             numeric(12,2) not null default 0,
    issue_date        date,
    due_date          date,
    notes             text,
    status_changed_at timestamptz   not null default now(),
    status_changed_by text,
    created_by        text,
    created_at        timestamptz   not null default now(),
    updated_at        timestamptz   not null default now(),
    deleted_at        timestamptz
);
create index invoices_customer on wholesale.invoices (customer_id, created_at desc);

-- Supplier bills uploaded by staff (or invoices sent through save-me-money), extracted by a background job.
create table wholesale.bills (
    id                bigint generated always as identity primary key,
    extraction_status text          not null default 'pending' check (extraction_status in ('pending', 'processing', 'completed', 'failed')),
    extraction_error  text,
    total_items       int           not null default 0,
    items_we_carry    int           not null default 0,
    potential_savings numeric(12,2) not null default 0,
    supplier_name     text,
    bill_date         date,
    bill_number       text,
    bill_total        numeric(12,2),
    restaurant_name   text,
    restaurant_email  citext,
    restaurant_phone  text,
    contact_name      text,
    notes             text,
    original_filename text,
    file_path         text,
    file_type         text,
    file_content      bytea,
    source            text          not null default 'upload' check (source in ('upload', 'save_me_money')),
    uploaded_by       bigint references wholesale.staff_users (id),
    job_id            uuid,
    created_at        timestamptz   not null default now(),
    updated_at        timestamptz   not null default now(),
    deleted_at        timestamptz
);
create index bills_created on wholesale.bills (created_at desc) where deleted_at is null;

create table wholesale.bill_items (
    id                 bigint generated always as identity primary key,
    bill_id            bigint        not null references wholesale.bills (id),
    line_no            int           not null,
    description        text          not null,
    sku                text,
    quantity           numeric(12,3),
    unit               text,
    unit_price         numeric(12,4),
    line_total         numeric(12,2),
    matched_product_id bigint references wholesale.products (id),
    our_sku            text,
    our_product_name   text,
    our_unit_price     numeric(12,2),
    our_line_total     numeric(12,2),
    savings            numeric(12,2),
    match_score        real
);
create index bill_items_bill on wholesale.bill_items (bill_id, line_no);

-- Save-me-money requests from the public site.
create table wholesale.savings_requests (
    id                 bigint generated always as identity primary key,
    name               text        not null,
    restaurant_name    text,
    address            text,
    city               text,
    state              text,
    phone              text,
    email              citext,
    rd_customer_number text,
    bill_id            bigint references wholesale.bills (id),
    created_at         timestamptz not null default now()
);

-- Requests for quotation (sourcing), filled by staff and voice special orders. Details in later migrations.
create table wholesale.rfqs (
    id          bigint generated always as identity primary key,
    rfq_number  text        not null unique,
    status      text        not null default 'draft' check (status in ('draft', 'sent', 'quoted', 'awarded', 'closed', 'cancelled')),
    source      text        not null default 'staff' check (source in ('staff', 'voice', 'web')),
    customer_id bigint references wholesale.customers (id),
    title       text,
    description text,
    quantity    numeric(12,3),
    unit        text,
    needed_by   date,
    notes       text,
    created_by  text,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    status_changed_at timestamptz not null default now(),
    status_changed_by text
);

-- ---------------------------------------------------------------------------------------------------------------- messaging, chat, audit
-- Every SMS: sent through Twilio when configured, else kept here as the outbox ('outbox') and logged.
create table wholesale.sms_messages (
    id            bigint generated always as identity primary key,
    to_phone      text        not null,
    from_phone    text,
    body          text        not null,
    purpose       text        not null,
    status        text        not null default 'queued',
    provider_sid  text unique,
    error_code    int,
    error_message text,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);
create index sms_messages_to on wholesale.sms_messages (to_phone, created_at desc);

-- Numbers that must not get texts (carrier error 21610 = the recipient replied STOP).
create table wholesale.sms_opt_outs (
    phone      text        primary key,
    reason     text        not null,
    created_at timestamptz not null default now()
);

create table wholesale.sms_optins (
    id         bigint generated always as identity primary key,
    first_name text,
    last_name  text,
    phone      text        not null,
    email      citext,
    consent    boolean     not null,
    ip         text,
    created_at timestamptz not null default now()
);

-- Discord webhook notices: posted when a webhook URL is configured, else kept here and logged.
create table wholesale.discord_outbox (
    id         bigint generated always as identity primary key,
    channel    text        not null,
    payload    jsonb       not null,
    status     text        not null default 'outbox' check (status in ('outbox', 'sent', 'failed')),
    error      text,
    created_at timestamptz not null default now(),
    sent_at    timestamptz
);

create table wholesale.chat_sessions (
    id              uuid        primary key default gen_random_uuid(),
    created_at      timestamptz not null default now(),
    last_message_at timestamptz
);
create table wholesale.chat_messages (
    id         bigint generated always as identity primary key,
    session_id uuid        references wholesale.chat_sessions (id),
    role       text        not null check (role in ('user', 'assistant')),
    content    text        not null,
    language   text,
    created_at timestamptz not null default now()
);
create index chat_messages_session on wholesale.chat_messages (session_id, created_at);

create table wholesale.audit_log (
    id         bigint generated always as identity primary key,
    actor_kind text        not null,
    actor_id   bigint,
    action     text        not null,
    entity     text        not null,
    entity_id  text,
    details    jsonb,
    created_at timestamptz not null default now()
);
create index audit_log_entity on wholesale.audit_log (entity, entity_id, created_at desc);
