-- Voice (issue 16): the voice agent's call log and reviews, outbound call outcomes, the do-not-call list for numbers that
-- are not customers, stored transcripts (when no S3-compatible storage is configured), place_order's idempotency keys,
-- payment texts (rate limit), configured voice assistants, and the invoice fields the document lists beyond the core's.

create table wholesale.voice_agents (
    id                bigint generated always as identity primary key,
    name              text        not null,
    platform_agent_id text,                        -- the assistant's id on the voice platform (ElevenLabs)
    system_prompt     text        not null default '',
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now()
);

create table wholesale.call_log (
    id                     bigint generated always as identity primary key,
    call_id                text unique,                     -- the platform's call id (webhook), null for checker entries
    call_type              text        not null default 'inbound_order' check (call_type in ('inbound_order', 'outbound_sales')),
    direction              text        not null default 'inbound' check (direction in ('inbound', 'outbound')),
    agent_id               bigint references wholesale.voice_agents (id),
    sub_agent_name         text,
    caller_phone           text,
    customer_id            bigint references wholesale.customers (id),
    status                 text,
    duration_seconds       int         not null default 0 check (duration_seconds >= 0),
    start_time             timestamptz,
    end_time               timestamptz,
    transcript             text,
    transcript_url         text,
    order_placed           boolean     not null default false,
    order_number           text,
    order_id               bigint references wholesale.orders (id),
    tool_outputs           jsonb       not null default '[]',
    eval_status            text        not null default 'pending'
                           check (eval_status in ('pending', 'running', 'complete', 'failed', 'reviewed', 'flagged')),
    eval_score             numeric(5,1),
    eval_hallucination     boolean,
    eval_resolved          boolean,
    eval_escalation_needed boolean,
    eval_dnc_violation     boolean,
    eval_reasons           jsonb       not null default '[]',
    eval_summary           text,
    eval_method            text,                            -- 'llm' or 'local'
    eval_job_id            bigint,
    eval_error             text,
    evaluated_at           timestamptz,
    eval_reviewed_by       text,
    eval_reviewed_at       timestamptz,
    review_notes           text,
    checker_verdict        text check (checker_verdict in ('pass', 'fail')),
    checker_reasons        jsonb       not null default '[]',
    outbound_call_id       bigint,
    created_at             timestamptz not null default now()
);
create index call_log_created on wholesale.call_log (created_at desc);
create index call_log_review on wholesale.call_log (eval_status, created_at desc);

create table wholesale.outbound_call_log (
    id                   bigint generated always as identity primary key,
    customer_id          bigint references wholesale.customers (id),
    phone                text        not null,
    outcome              text        not null check (outcome in ('sale_made', 'interested_callback', 'busy_callback', 'not_interested',
                                                                 'no_answer', 'wrong_number', 'dnc_requested')),
    customer_name        text,
    order_number         text,
    callback_date        date,
    notes                text,
    items_discussed      text,
    procurement_interest boolean     not null default false,
    checker_verdict      text check (checker_verdict in ('pass', 'fail')),
    checker_reasons      jsonb       not null default '[]',
    transcript_url       text,
    logged_by            text        not null,
    created_at           timestamptz not null default now()
);
create index outbound_call_log_customer on wholesale.outbound_call_log (customer_id, created_at desc, id desc);
create index outbound_call_log_phone on wholesale.outbound_call_log (phone, created_at desc);

-- Numbers that asked not to be called but are not customers; imports and the call queue honour it.
create table wholesale.do_not_call (
    phone      text        primary key,
    reason     text        not null,
    created_by text,
    created_at timestamptz not null default now()
);

create table wholesale.call_transcripts (
    id         bigint generated always as identity primary key,
    key        text        not null unique,
    phone      text,
    call_id    text,
    content    text        not null,
    size_bytes int         not null,
    created_at timestamptz not null default now()
);

-- place_order: the same phone and items within 10 minutes is the same order.
create table wholesale.voice_order_requests (
    id         bigint generated always as identity primary key,
    phone      text        not null,
    items_key  text        not null,
    order_id   bigint      not null references wholesale.orders (id),
    created_at timestamptz not null default now()
);
create index voice_order_requests_key on wholesale.voice_order_requests (phone, items_key, created_at desc);

create table wholesale.voice_payment_sms (
    id         bigint generated always as identity primary key,
    order_id   bigint      not null references wholesale.orders (id),
    phone      text        not null,
    sms_type   text        not null,
    created_at timestamptz not null default now()
);
create index voice_payment_sms_order on wholesale.voice_payment_sms (order_id, created_at desc);

-- Invoices: the document's fields beyond the core's, who/when per state, the stored PDF and its version.
alter table wholesale.invoices
    add column customer_company text,
    add column customer_address text,
    add column customer_city    text,
    add column customer_state   text,
    add column customer_zip     text,
    add column shipping_fee     numeric(12,2) not null default 0,
    add column payment_method   text,
    add column payment_terms    text,
    add column internal_notes   text,
    add column sent_at          timestamptz,
    add column sent_by          text,
    add column paid_at          timestamptz,
    add column paid_by          text,
    add column voided_at        timestamptz,
    add column voided_by        text,
    add column overdue_at       timestamptz,
    add column version          int not null default 1,
    add column pdf              bytea,
    add column pdf_version      int;
create index invoices_status on wholesale.invoices (status, created_at desc) where deleted_at is null;
create index invoices_unpaid_customer on wholesale.invoices (customer_id) where deleted_at is null and status in ('sent', 'overdue');

create table wholesale.invoice_counters (
    year int primary key,
    last int not null
);

-- call-queue and voice lookups: orders per customer that count (not cancelled, not deleted) with their totals.
create index orders_customer_live on wholesale.orders (customer_id, created_at desc) include (total_amount)
    where deleted_at is null and status <> 'cancelled';

-- call-queue upsells: the most recent orders holding a product.
create index order_items_product_recent on wholesale.order_items (product_id, order_id desc);
