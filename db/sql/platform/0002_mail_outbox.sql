-- Mail that the platform's mail sender did not hand to an SMTP server (none configured, or it failed):
-- kept here for an operator or a relay to deliver. Bodies can carry invitation links, so rows belong to their tenant.
create table platform.mail_outbox (
    id         bigint generated always as identity primary key,
    tenant_id  text,
    to_address text        not null,
    subject    text        not null,
    body_text  text        not null,
    body_html  text,
    category   text        not null,
    status     text        not null default 'pending' check (status in ('pending', 'sent', 'failed')),
    last_error text,
    created_at timestamptz not null default now(),
    sent_at    timestamptz
);
create index mail_outbox_pending on platform.mail_outbox (id) where status = 'pending';
