-- Shipping portal (issue 15, part A): labels bought for orders (EasyPost or the local carrier), box recommendation rules,
-- and the indexes behind the warehouse list and the dashboard counts. Order status moves stay in wholesale.set_order_status.

-- One row per parcel label. A voided label is hidden (voided_at, voided_by) but kept; a hard delete removes the row
-- (admin or manager, with an audit_log row).
create table wholesale.shipping_labels (
    id               bigint generated always as identity primary key,
    order_id         bigint        not null references wholesale.orders (id),
    provider         text          not null check (provider in ('easypost', 'local')),
    carrier          text          not null,
    service          text          not null,
    rate             numeric(12,2) not null check (rate >= 0),
    tracking_number  text,
    label_url        text,
    label_pdf        bytea,                      -- the local carrier's sample label
    shipment_id      text,
    tracker_id       text,
    ep_order_id      text,                       -- several parcels: one EasyPost order
    parcel_index     int           not null default 0,
    parcel           jsonb,
    insurance        numeric(12,2),
    created_by       text          not null,
    created_at       timestamptz   not null default now(),
    voided_at        timestamptz,
    voided_by        text,
    ep_refund_status text,
    ep_error         text
);
create index shipping_labels_order on wholesale.shipping_labels (order_id, id);

-- Box recommendation rules: a product ships qty_per_box units to a carton of the given inner size.
create table wholesale.box_rules (
    id          bigint generated always as identity primary key,
    product_id  bigint        not null references wholesale.products (id),
    qty_per_box int           not null default 1 check (qty_per_box > 0),
    box_name    text,
    length_in   numeric(8,2)  check (length_in > 0),
    width_in    numeric(8,2)  check (width_in > 0),
    height_in   numeric(8,2)  check (height_in > 0),
    notes       text,
    created_by  text,
    created_at  timestamptz   not null default now(),
    updated_at  timestamptz   not null default now()
);
create index box_rules_product on wholesale.box_rules (product_id, id);

-- The warehouse list: active orders (pending, confirmed, packed) by creation time; searches by number and name.
create index orders_shipping_active on wholesale.orders (created_at, id)
    where deleted_at is null and status in ('pending', 'confirmed', 'packed');
create index orders_delivery_name_trgm on wholesale.orders using gin (lower(coalesce(delivery_name, '') || ' ' || coalesce(delivery_company, '')) gin_trgm_ops);
-- Dashboard counts: status events by target status and time.
create index order_events_status_to on wholesale.order_events (to_status, created_at) where kind = 'status';
