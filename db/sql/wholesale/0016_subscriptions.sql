-- Product subscriptions (issue 13, "Checks, subscriptions, credit"): a customer receives `quantity` of one product every
-- `interval_days`, charged off-session to a saved Stripe payment method. Renewals are attempts per subscription and period
-- (the next_renewal_date being fulfilled); a succeeded attempt carries the order it created, a declined one only the error.

-- The Stripe customer of a Wholesale customer (setup-intent and enrolment fill it; one per customer).
create table wholesale.stripe_customers (
    customer_id        bigint      primary key references wholesale.customers (id),
    stripe_customer_id text        not null unique,
    created_at         timestamptz not null default now()
);

create table wholesale.subscriptions (
    id                       bigint generated always as identity primary key,
    customer_id              bigint        not null references wholesale.customers (id),   -- the document's user_id
    product_id               bigint        not null references wholesale.products (id),
    quantity                 int           not null check (quantity between 4 and 10000),
    interval_days            int           not null check (interval_days between 1 and 365),
    discount_pct             numeric(5,2)  not null default 0 check (discount_pct >= 0 and discount_pct < 100),
    status                   text          not null default 'active' check (status in ('active', 'paused', 'cancelled')),
    next_renewal_date        date          not null,
    stripe_customer_id       text          not null,
    stripe_payment_method_id text          not null,
    payment_type             text          not null check (payment_type in ('card', 'ach')),
    delivery_name            text          not null,
    delivery_phone           text check (delivery_phone is null or delivery_phone ~ '^\+[1-9][0-9]{6,14}$'),
    delivery_email           citext        not null,
    delivery_address         text          not null,
    delivery_city            text          not null,
    delivery_state           text          not null,
    delivery_zip             text          not null,
    delivery_company         text,
    notes                    text,
    created_by_staff_id      bigint references wholesale.staff_users (id),
    status_changed_at        timestamptz   not null default now(),
    status_changed_by        text,
    created_at               timestamptz   not null default now(),
    updated_at               timestamptz   not null default now()
);
-- one live subscription per customer and product (cancelled ones do not count)
create unique index subscriptions_live on wholesale.subscriptions (customer_id, product_id) where status <> 'cancelled';
-- the renewal runs walk the active subscriptions that are due
create index subscriptions_due on wholesale.subscriptions (next_renewal_date, id) where status = 'active';
create index subscriptions_customer on wholesale.subscriptions (customer_id, id);
create index subscriptions_status on wholesale.subscriptions (status, id);

-- Every renewal attempt. status: succeeded (order_id set), failed (a decline or a business refusal such as no stock;
-- attempt counts it), error (Stripe unreachable or answered 5xx: the same idempotency key is used again next time, so a
-- charge Stripe did make is found, never repeated).
create table wholesale.subscription_renewals (
    id                       bigint generated always as identity primary key,
    subscription_id          bigint        not null references wholesale.subscriptions (id),
    period_date              date          not null,
    attempt                  int           not null,
    status                   text          not null check (status in ('succeeded', 'failed', 'error')),
    trigger                  text          not null check (trigger in ('manual', 'api', 'schedule')),
    amount                   numeric(12,2),
    idempotency_key          text          not null,
    stripe_payment_intent_id text,
    order_id                 bigint references wholesale.orders (id),
    error                    text,
    actor_kind               text          not null check (actor_kind in ('staff', 'api_key', 'system')),
    actor_id                 bigint,
    created_at               timestamptz   not null default now()
);
create index subscription_renewals_sub on wholesale.subscription_renewals (subscription_id, created_at desc);
-- the last line of defence: one paid renewal per subscription and period
create unique index subscription_renewals_once on wholesale.subscription_renewals (subscription_id, period_date) where status = 'succeeded';
