-- Staff portal: orders, checks, store credit, reports (issue 13, part A).
-- Orders gain the staff fields of the document (staff_notes, assigned_to) and the moment of each fulfilment step;
-- refund_failed flags a cancelled order whose Stripe refund failed (retried by cancelling again, see docs).
alter table wholesale.orders add column if not exists staff_notes text;
alter table wholesale.orders add column if not exists assigned_to text;
alter table wholesale.orders add column if not exists confirmed_at timestamptz;
alter table wholesale.orders add column if not exists shipped_at timestamptz;
alter table wholesale.orders add column if not exists delivered_at timestamptz;
alter table wholesale.orders add column if not exists cancelled_at timestamptz;
alter table wholesale.orders add column if not exists refund_failed boolean not null default false;
alter table wholesale.orders add column if not exists deleted_by text;

-- Store credit: customers.store_credit stays the balance (check >= 0); every change is a ledger row with who and why,
-- written in the same statement as the balance (Common/StoreCredit.cs).
create table wholesale.store_credit_ledger (
    id            bigint generated always as identity primary key,
    customer_id   bigint        not null references wholesale.customers (id),
    amount        numeric(12,2) not null check (amount <> 0),
    balance_after numeric(12,2) not null check (balance_after >= 0),
    reason        text          not null,   -- issue, adjust, deduct, order_applied, overpayment, ...
    order_id      bigint references wholesale.orders (id),
    actor_kind    text          not null check (actor_kind in ('customer', 'staff', 'api_key', 'system')),
    actor_id      bigint,
    note          text,
    created_at    timestamptz   not null default now()
);
create index store_credit_ledger_customer on wholesale.store_credit_ledger (customer_id, created_at desc, id desc);

-- Card refunds of cancelled orders: one row per refunded payment (so a payment is refunded once), with the Stripe
-- idempotency key; a failed row is retried with the same key.
create table wholesale.order_refunds (
    id               bigint generated always as identity primary key,
    order_id         bigint        not null references wholesale.orders (id),
    payment_id       bigint        not null unique references wholesale.payments (id),
    payment_intent   text          not null,
    amount           numeric(12,2) not null check (amount > 0),
    status           text          not null default 'pending' check (status in ('pending', 'succeeded', 'failed')),
    idempotency_key  text          not null unique,
    stripe_refund_id text,
    error            text,
    attempts         int           not null default 0,
    actor_kind       text          not null,
    actor_id         bigint,
    created_at       timestamptz   not null default now(),
    updated_at       timestamptz   not null default now()
);
create index order_refunds_order on wholesale.order_refunds (order_id);

-- Reserved stock goes back once per order and product, whatever cancels or deletes the order.
create unique index inventory_ledger_released_once on wholesale.inventory_ledger (order_id, product_id)
    where reason = 'order_released';

-- Staff order list and reports.
create index if not exists orders_live_created on wholesale.orders (created_at desc, id desc) where deleted_at is null;
create index if not exists orders_search_trgm on wholesale.orders using gin (
    (lower(order_number || ' ' || coalesce(delivery_name, '') || ' ' || coalesce(delivery_company, '') || ' ' ||
           coalesce(delivery_email::text, '') || ' ' || coalesce(delivery_phone, ''))) gin_trgm_ops) where deleted_at is null;

-- The dashboard's needs_attention work list (stats): small, so a partial index keeps it cheap on a large order table.
create index if not exists orders_attention on wholesale.orders (sales_rep_id)
    where deleted_at is null and (refund_failed or needs_review or payment_status in ('check_review', 'failed') or status = 'pending');
-- Cost of goods per order for the profit dashboard (index-only scan of the lines).
create index if not exists order_items_cost on wholesale.order_items (order_id) include (quantity, unit_cost);
