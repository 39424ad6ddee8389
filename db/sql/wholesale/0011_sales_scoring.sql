-- Sales rep portal (issue 14, part B): commissions, ACH on file, BG/NBD customer scores.

-- Commission: a per-rep rate (default 5 %) of merchandise net of discount, earned on paid, non-cancelled orders.
alter table wholesale.staff_users alter column commission_rate set default 5;
update wholesale.staff_users set commission_rate = 5 where role = 'sales_rep' and commission_rate = 0;
alter table wholesale.orders
    add column commission_paid    boolean not null default false,
    add column commission_paid_at timestamptz,
    add column commission_paid_by bigint references wholesale.staff_users (id);
create index orders_rep_status on wholesale.orders (sales_rep_id, status, created_at) where sales_rep_id is not null and deleted_at is null;

-- A customer's ACH details: the account number only encrypted (SecretBox) plus its last four; who authorised and when.
create table wholesale.customer_ach (
    customer_id          bigint      primary key references wholesale.customers (id),
    bank_name            text,
    account_name         text,
    routing_number       text        not null check (routing_number ~ '^[0-9]{9}$'),
    account_number_enc   text        not null,
    account_last4        text        not null,
    account_type         text        not null default 'checking' check (account_type in ('checking', 'savings')),
    authorized_at        timestamptz not null,
    authorized_by        bigint      references wholesale.staff_users (id),
    updated_at           timestamptz not null default now()
);

-- One BG/NBD + Gamma-Gamma refit. Scores of a run become visible together (written in one transaction at its end); a failed
-- or unconverged run keeps the previous scores and says why.
create table wholesale.score_runs (
    id             bigint generated always as identity primary key,
    job_id         bigint,
    trigger        text        not null check (trigger in ('manual', 'nightly')),
    requested_by   bigint      references wholesale.staff_users (id),
    status         text        not null default 'running' check (status in ('running', 'succeeded', 'failed')),
    error          text,
    customers      int,
    repeat_buyers  int,
    r double precision, alpha double precision, a double precision, b double precision, log_likelihood double precision,
    p double precision, q double precision, gamma double precision,
    holdout        jsonb,
    fit_ms         int,
    started_at     timestamptz not null default now(),
    finished_at    timestamptz
);
create index score_runs_recent on wholesale.score_runs (started_at desc);

create table wholesale.customer_scores (
    customer_id          bigint           primary key references wholesale.customers (id),
    run_id               bigint           not null references wholesale.score_runs (id),
    x                    int              not null,
    t_x                  double precision not null,
    t                    double precision not null,
    orders_count         int              not null,
    total_spent          numeric(12,2)    not null,
    first_order_at       timestamptz      not null,
    last_order_at        timestamptz      not null,
    p_alive              double precision not null check (p_alive between 0 and 1),
    expected_orders_90d  double precision not null check (expected_orders_90d >= 0),
    expected_order_value numeric(12,2)    not null,
    value_12m            numeric(12,2)    not null,
    tier                 text             not null check (tier in ('champion', 'active', 'at_risk', 'lapsed', 'new')),
    tier_rank            smallint         not null,   -- new = 1 (never above a lapsing buyer), others 2
    computed_at          timestamptz      not null
);
create index customer_scores_expected on wholesale.customer_scores (tier_rank desc, expected_orders_90d desc, customer_id);
create index customer_scores_palive on wholesale.customer_scores (tier_rank desc, p_alive desc, customer_id);
create index customer_scores_tier on wholesale.customer_scores (tier, expected_orders_90d desc);

-- The profile fields the sales portal edits beyond the core's (phone2, preferred_language) come from 0008_staff_customers.sql.
