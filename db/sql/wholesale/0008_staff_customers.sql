-- Staff portal: customers, staff users, profile (issue 13, part B).
-- Customers gain the document's phone2 and preferred_language; staff users gain full_name and a hidden mark (deleted_at:
-- staff users are deactivated and hidden, never erased, since orders and calls reference them).
alter table wholesale.customers add column phone2 text check (phone2 is null or phone2 ~ '^\+[1-9][0-9]{6,14}$');
alter table wholesale.customers add column preferred_language text not null default 'en';

alter table wholesale.staff_users add column full_name text;
alter table wholesale.staff_users add column deleted_at timestamptz;

-- Staff customer search: one trigram index over the searched text (names, company, email, phones), and the list's sorts.
create function wholesale.customer_search_text(first_name text, last_name text, company_name text, email citext, phone text, username citext)
returns text language sql immutable parallel safe as $$
    select lower(coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || coalesce(company_name, '') || ' ' ||
                 coalesce(email::text, '') || ' ' || coalesce(phone, '') || ' ' || coalesce(username::text, ''))
$$;
create index customers_staff_search on wholesale.customers
    using gin (wholesale.customer_search_text(first_name, last_name, company_name, email, phone, username) gin_trgm_ops)
    where deleted_at is null and merged_into is null;
create index customers_staff_created on wholesale.customers (created_at desc, id desc) where deleted_at is null and merged_into is null;
create index customers_merged_into on wholesale.customers (merged_into) where merged_into is not null;
create index payments_customer on wholesale.payments (customer_id) where customer_id is not null;
create index rfqs_customer on wholesale.rfqs (customer_id) where customer_id is not null;

-- Customer merge helper: moves the rows of one table whose @col references customer p_from over to p_to. A table where a
-- unique key includes that column (one row per customer, per customer and list, ...) is moved row by row: a row that would
-- collide with one the survivor already has is dropped, so the survivor's row wins. Returns the rows moved.
create function wholesale.move_customer_rows(p_table regclass, p_col name, p_from bigint, p_to bigint, p_row_by_row boolean)
returns bigint language plpgsql as $$
declare
    moved bigint := 0;
    n bigint;
    r record;
begin
    if not p_row_by_row then
        execute format('update %s set %I = $2 where %I = $1', p_table, p_col, p_col) using p_from, p_to;
        get diagnostics moved = row_count;
        return moved;
    end if;
    for r in execute format('select ctid as t from %s where %I = $1', p_table, p_col) using p_from loop
        begin
            execute format('update %s set %I = $2 where ctid = $1', p_table, p_col) using r.t, p_to;
            get diagnostics n = row_count;
            moved := moved + n;
        exception when unique_violation then
            execute format('delete from %s where ctid = $1', p_table) using r.t;
        end;
    end loop;
    return moved;
end
$$;
