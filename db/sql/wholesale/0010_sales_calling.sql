-- Sales calling (issue 14, part A): the reps' calling list, its call log, the call script's versions and transaction imports.

-- Calling-list entries: prospects and registered customers. Phones in E.164 (one entry per phone). priority_score is the
-- score as shown; base_score and last_event_at are what decay starts from (score = base * 0.5^(days since the last event /
-- half-life)), so running the decay twice on a day writes the same numbers. last_order_at, order_count and
-- reorder_interval_days are the linked customer's order history (refreshed by backfill-customer-info, run-decay and imports)
-- so the segment filters read one table.
create table wholesale.calling_list (
    id                    bigint generated always as identity primary key,
    customer_id           bigint references wholesale.customers (id) on delete set null,
    first_name            text,
    last_name             text,
    contact_name          text,
    company_name          text,
    email                 citext,
    phone                 text check (phone is null or phone ~ '^\+[1-9][0-9]{6,14}$'),
    phone2                text check (phone2 is null or phone2 ~ '^\+[1-9][0-9]{6,14}$'),
    address               text,
    notes                 text,
    assigned_to           bigint references wholesale.staff_users (id) on delete set null,
    status                text        not null default 'new'
                          check (status in ('new', 'contacted', 'interested', 'callback', 'not_interested', 'converted', 'do_not_call')),
    priority_score        numeric(6,2) not null default 50 check (priority_score between 0 and 100),
    base_score            numeric(6,2) not null default 50 check (base_score between 0 and 100),
    last_event            text,
    last_event_at         timestamptz not null default now(),
    decayed_on            date,
    last_called           timestamptz,
    last_order_at         timestamptz,
    order_count           int         not null default 0,
    reorder_interval_days numeric(8,2),
    source                text        not null default 'manual' check (source in ('manual', 'csv', 'import', 'customer')),
    created_by            bigint references wholesale.staff_users (id) on delete set null,
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now()
);
create unique index calling_list_phone on wholesale.calling_list (phone);
create index calling_list_email on wholesale.calling_list (email) where email is not null;
create index calling_list_customer on wholesale.calling_list (customer_id) where customer_id is not null;
create index calling_list_score on wholesale.calling_list (priority_score desc, id);
create index calling_list_assignee_score on wholesale.calling_list (assigned_to, priority_score desc, id);
create index calling_list_called on wholesale.calling_list (last_called desc) where last_called is not null;

-- One row per call a rep logged (mark_called, batch-mark-called): calls today, conversion.
create table wholesale.calling_list_calls (
    id        bigint generated always as identity primary key,
    entry_id  bigint references wholesale.calling_list (id) on delete set null,
    staff_id  bigint references wholesale.staff_users (id),
    called_at timestamptz not null default now()
);
create index calling_list_calls_staff on wholesale.calling_list_calls (staff_id, called_at);

-- The call script: every save is a new version (who and when); the newest is the current one.
create table wholesale.call_script_versions (
    id         bigint generated always as identity primary key,
    content    text        not null,
    updated_by bigint references wholesale.staff_users (id),
    updated_at timestamptz not null default now()
);

-- Transaction imports: the uploaded file and, once the job finished, its counts and errors by line.
create table wholesale.sales_imports (
    id                bigint generated always as identity primary key,
    job_id            bigint      unique,
    uploaded_by       bigint      not null references wholesale.staff_users (id),
    file_name         text,
    file_content      bytea,
    total_rows        int,
    orders_created    int,
    customers_created int,
    items_created     int,
    unlinked_items    int,
    skipped_orders    int,
    error_count       int,
    errors            jsonb,
    failure           text,
    completed_at      timestamptz,
    created_at        timestamptz not null default now()
);
create index sales_imports_uploader on wholesale.sales_imports (uploaded_by);
create index order_items_sku on wholesale.order_items (product_sku) where product_sku is not null;

-- Staging for transaction imports: the job COPYs a file's valid rows here and finishes in set-based SQL, all in one
-- transaction (a crash leaves nothing behind). Unlogged: its rows live only inside that transaction.
create unlogged table wholesale.sales_import_rows (
    import_id     bigint        not null,
    line_no       int           not null,
    order_number  text          not null,
    order_date    timestamptz   not null,
    customer_name text,
    company_name  text,
    phone         text,
    email         citext,
    do_not_call   boolean       not null default false,
    sku           text,
    product_name  text,
    quantity      int           not null,
    unit_price    numeric(12,2) not null,
    customer_id   bigint,
    new_customer  boolean       not null default false
);
create index sales_import_rows_import on wholesale.sales_import_rows (import_id, order_number);
