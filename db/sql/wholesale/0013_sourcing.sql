-- Sourcing (suppliers, RFQs, inbound shipments, QC, supplier payments, sourcing plans) and procurement (equipment
-- vendors and their products), issue 15. The RFQ table is the core's (0001), which voice special orders also fill.

-- ---------------------------------------------------------------------------------------------------------------- numbers
-- Gap-free document numbers per kind and year (RFQ-2026-0001, SHP-2026-0001). The counter row is taken with an upsert in
-- the inserting transaction, so concurrent inserts queue on it and a rolled-back insert gives its number back.
create table wholesale.doc_counters (
    kind       text not null,
    year       int  not null,
    last_value int  not null,
    primary key (kind, year)
);

create function wholesale.next_doc_number(p_kind text, p_year int) returns text
language sql volatile as $$
    insert into wholesale.doc_counters as c (kind, year, last_value) values (p_kind, p_year, 1)
    on conflict (kind, year) do update set last_value = c.last_value + 1
    returning p_kind || '-' || p_year::text || '-' || lpad(c.last_value::text, 4, '0');
$$;

-- ---------------------------------------------------------------------------------------------------------------- suppliers
create table wholesale.suppliers (
    id                 bigint generated always as identity primary key,
    name               text        not null,
    name_cn            text,
    platform           text,
    location           text,
    contact_name       text,
    contact_wechat     text,
    contact_email      text,
    contact_phone      text,
    product_categories text[]      not null default '{}',
    rating             int check (rating between 1 and 5),
    lead_time_days     int check (lead_time_days >= 0),
    moq_notes          text,
    payment_terms      text,
    is_active          boolean     not null default true,
    notes              text,
    created_by         bigint references wholesale.staff_users (id),
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now()
);
create index suppliers_categories on wholesale.suppliers using gin (product_categories);

-- ---------------------------------------------------------------------------------------------------------------- RFQs
-- A voice special order inserts without a number: the column default numbers it the same way as staff RFQs.
alter table wholesale.rfqs alter column rfq_number
    set default wholesale.next_doc_number('RFQ', extract(year from now() at time zone 'America/Chicago')::int);
alter table wholesale.rfqs
    add column product_id          bigint references wholesale.products (id),
    add column target_unit_price   numeric(12,2) check (target_unit_price >= 0),
    add column awarded_supplier_id bigint,
    add column awarded_price       numeric(12,2),
    add column awarded_at          timestamptz,
    add column awarded_by          bigint references wholesale.staff_users (id);
create index rfqs_status on wholesale.rfqs (status, created_at desc);
create index rfqs_product on wholesale.rfqs (product_id, created_at desc) where product_id is not null;
alter table wholesale.rfqs add constraint rfqs_awarded_supplier foreign key (awarded_supplier_id) references wholesale.suppliers (id);

-- The document's "quotes JSON array": one row per quote, answered as the rfq's quotes array in order.
create table wholesale.rfq_quotes (
    id          bigint generated always as identity primary key,
    rfq_id      bigint        not null references wholesale.rfqs (id),
    supplier_id bigint        not null references wholesale.suppliers (id),
    price       numeric(12,2) not null check (price > 0),
    moq         int check (moq > 0),
    lead_time   text,
    notes       text,
    created_by  bigint references wholesale.staff_users (id),
    created_at  timestamptz   not null default now()
);
create index rfq_quotes_rfq on wholesale.rfq_quotes (rfq_id, id);
create index rfq_quotes_supplier on wholesale.rfq_quotes (supplier_id, created_at desc);

-- ---------------------------------------------------------------------------------------------------------------- shipments
create table wholesale.sourcing_shipments (
    id                bigint generated always as identity primary key,
    shipment_number   text          not null unique,
    supplier_id       bigint references wholesale.suppliers (id),
    rfq_id            bigint references wholesale.rfqs (id),
    tracking_number   text,
    carrier           text,
    status            text          not null default 'production'
                      check (status in ('production', 'qc', 'shipped', 'in_transit', 'customs', 'arrived', 'received', 'cancelled')),
    origin            text,
    destination       text          not null default 'Chicago warehouse',
    eta               date,
    items             jsonb         not null default '[]',
    documents         jsonb         not null default '[]',
    total_cost        numeric(12,2) check (total_cost >= 0),
    currency          char(3)       not null default 'USD',
    notes             text,
    qc_flagged        boolean       not null default false,
    qc_flag_reason    text,
    created_by        bigint references wholesale.staff_users (id),
    created_at        timestamptz   not null default now(),
    updated_at        timestamptz   not null default now(),
    status_changed_at timestamptz   not null default now(),
    status_changed_by text
);
create index sourcing_shipments_supplier on wholesale.sourcing_shipments (supplier_id, created_at desc);
create index sourcing_shipments_status on wholesale.sourcing_shipments (status, created_at desc);
create index sourcing_shipments_open on wholesale.sourcing_shipments (id) where status not in ('received', 'cancelled');

-- The shipment's items that name one of our products, for inventory-needs' "stock in open sourcing shipments".
create table wholesale.sourcing_shipment_items (
    shipment_id bigint not null references wholesale.sourcing_shipments (id) on delete cascade,
    product_id  bigint not null references wholesale.products (id),
    quantity    int    not null check (quantity > 0),
    primary key (shipment_id, product_id)
);
create index sourcing_shipment_items_product on wholesale.sourcing_shipment_items (product_id, shipment_id) include (quantity);

create table wholesale.sourcing_shipment_events (
    id          bigint generated always as identity primary key,
    shipment_id bigint      not null references wholesale.sourcing_shipments (id),
    from_status text,
    status      text        not null,
    event       text,
    notes       text,
    location    text,
    recorded_by text,
    actor_id    bigint references wholesale.staff_users (id),
    created_at  timestamptz not null default now()
);
create index sourcing_shipment_events_shipment on wholesale.sourcing_shipment_events (shipment_id, id);

-- ---------------------------------------------------------------------------------------------------------------- QC
create table wholesale.qc_inspections (
    id              bigint generated always as identity primary key,
    shipment_id     bigint references wholesale.sourcing_shipments (id),
    supplier_id     bigint references wholesale.suppliers (id),
    product_id      bigint references wholesale.products (id),
    product_name    text,
    inspection_date date,
    inspector       text,
    result          text        not null default 'pending' check (result in ('pending', 'pass', 'fail', 'conditional')),
    notes           text,
    defects         jsonb       not null default '[]',
    images          jsonb       not null default '[]',
    created_by      bigint references wholesale.staff_users (id),
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);
create index qc_inspections_shipment on wholesale.qc_inspections (shipment_id) where shipment_id is not null;
create index qc_inspections_supplier on wholesale.qc_inspections (supplier_id) where supplier_id is not null;

-- ---------------------------------------------------------------------------------------------------------------- payments
create table wholesale.supplier_payments (
    id           bigint generated always as identity primary key,
    supplier_id  bigint        not null references wholesale.suppliers (id),
    rfq_id       bigint references wholesale.rfqs (id),
    shipment_id  bigint references wholesale.sourcing_shipments (id),
    amount       numeric(12,2) not null check (amount > 0),
    currency     char(3)       not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
    payment_date date,
    status       text          not null default 'pending' check (status in ('pending', 'scheduled', 'paid', 'cancelled', 'refunded')),
    notes        text,
    created_by   bigint references wholesale.staff_users (id),
    created_at   timestamptz   not null default now(),
    updated_at   timestamptz   not null default now(),
    status_changed_at timestamptz not null default now(),
    status_changed_by text,
    constraint supplier_payments_paid_date check (status <> 'paid' or payment_date is not null)
);
create index supplier_payments_supplier on wholesale.supplier_payments (supplier_id, created_at desc);

-- ---------------------------------------------------------------------------------------------------------------- plans
create table wholesale.sourcing_plans (
    id           bigint generated always as identity primary key,
    requirement  text        not null,
    product_id   bigint references wholesale.products (id),
    product_name text,
    quantity     int,
    target_price numeric(12,2),
    deadline     text,
    notes        text,
    config       jsonb       not null,
    source       text        not null check (source in ('model', 'rules')),
    model        text,
    requested_by bigint      not null references wholesale.staff_users (id),
    created_at   timestamptz not null default now()
);

-- ---------------------------------------------------------------------------------------------------------------- procurement
create table wholesale.procurement_vendors (
    id           bigint generated always as identity primary key,
    name         text        not null,
    website      text,
    phone        text,
    email        text,
    contact_name text,
    address      text,
    notes        text,
    active       boolean     not null default true,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now()
);
create index procurement_vendors_name on wholesale.procurement_vendors (lower(name), id);

create table wholesale.procurement_products (
    id             bigint generated always as identity primary key,
    vendor_id      bigint        not null references wholesale.procurement_vendors (id) on delete cascade,
    name           text          not null,
    category       text,
    description    text,
    model_number   text,
    est_price_min  numeric(12,2) check (est_price_min >= 0),
    est_price_max  numeric(12,2) check (est_price_max >= 0),
    lead_time_days int check (lead_time_days >= 0),
    notes          text,
    active         boolean       not null default true,
    created_at     timestamptz   not null default now(),
    updated_at     timestamptz   not null default now(),
    constraint procurement_products_price_range check (est_price_min is null or est_price_max is null or est_price_min <= est_price_max)
);
create index procurement_products_vendor on wholesale.procurement_products (vendor_id, lower(name), id);
create index procurement_products_category on wholesale.procurement_products (lower(category), lower(name), id);

-- inventory-needs: units sold per product over the last 90 days, read from live orders by date.
create index order_items_product_qty on wholesale.order_items (order_id) include (product_id, quantity);
