-- wholesale.place_order: repeatable (re-applied whenever this file changes). POST /api/orders (Orders/PlaceOrder) in one call:
-- one round trip, one statement, one implicit transaction (no BEGIN/COMMIT). The caller sends the request's lines as they came
-- (p_lines: a JSON array in request order of {product_id, sku, quantity}; sku trimmed and lower-cased, used only when
-- product_id is not positive) and the delivery-fee settings; the catalog read, the pricing and every check happen here.
--   1. net-30 for a signed-in customer: the customer row is locked first (for no key update, so orders' key-share locks on it
--      do not wait) with its terms and unpaid net-30 balance (this order excluded); the order is flagged unless the account
--      is approved for net-30 and its available credit covers the total (decided once the total is known, step 6).
--   2. each line is resolved to a live, active product by id, else by SKU; unknown, deleted or inactive: one 'unknown' row
--      per such line (r_line, 0-based) and nothing is written. Lines of one product merge (quantities add up), in order of
--      first appearance; a merged quantity over p_max_quantity: one 'too_large' row.
--   3. untracked products marked out of stock (stock_quantity null, in_stock false): 'short' rows with available 0.
--   4. the tracked products (stock_quantity not null) are locked in product-id order, so concurrent orders never deadlock;
--      any tracked line short: 'short' rows (product-id order) and nothing is written.
--   5. prices from the catalog rows read under those locks: bulk_price from bulk_quantity up, else unit_price;
--      line_total = round(price × quantity, 2) (half away from zero, as Money.Round); the fee below p_free_delivery_from.
--   6. the order, its 'created' event (and 'review' when flagged), the reservation (stock decremented, in_stock following it)
--      with one inventory_ledger row per tracked product, and the lines; one 'placed' row per line, in line order.
-- Lines go in after the reservation: their foreign key takes a key-share lock on the product row, after the row lock.
drop function if exists wholesale.place_order(text, bigint, text, text, text, text, text, text, text, text, text, text, text, text,
                                              numeric, numeric, text, text, text, text, text, jsonb);

create or replace function wholesale.place_order(
    p_order_number text, p_customer_id bigint,
    p_delivery_name text, p_delivery_first_name text, p_delivery_last_name text, p_delivery_email text, p_delivery_company text,
    p_delivery_address text, p_delivery_city text, p_delivery_state text, p_delivery_zip text, p_delivery_phone text,
    p_special_notes text, p_billing_address text,
    p_payment_method text, p_review_reason text, p_actor_label text, p_actor_kind text, p_created_reason text,
    p_lines jsonb, p_max_quantity int, p_free_delivery_from numeric, p_delivery_fee numeric)
returns table (r_kind text, r_line int, r_product_id bigint, r_product_name text, r_product_sku text, r_product_brand text,
               r_product_unit_size text, r_quantity int, r_unit_price numeric, r_is_bulk_price boolean, r_line_total numeric,
               r_available int, r_order_id bigint, r_created_at timestamptz, r_review_reason text, r_subtotal numeric,
               r_delivery_fee numeric)
language plpgsql as $$
#variable_conflict use_column
declare
    v_reason   text := p_review_reason;
    v_line_ids bigint[];
    v_line_qty int[];
    v_unknown  int[];
    v_ids      bigint[];
    v_qtys     int[];
    v_items    jsonb;
    v_subtotal numeric;
    v_fee      numeric;
    v_total    numeric;
    v_order    bigint;
    v_created  timestamptz;
    v_net30    boolean := p_payment_method = 'net30' and p_customer_id is not null;
    t          record;
begin
    if v_net30 then
        select c.account_approved as approved, c.payment_terms as terms, c.credit_limit as credit_limit,
               coalesce((select sum(o.total_amount - o.amount_paid)
                           from wholesale.orders o
                          where o.customer_id = c.id and o.payment_method = 'net30' and o.status <> 'cancelled'
                            and o.deleted_at is null and o.payment_status not in ('paid', 'refunded')), 0) as unpaid
          into t
          from wholesale.customers c
         where c.id = p_customer_id and c.deleted_at is null
           for no key update of c;
        if not found then
            v_reason := 'net30 requested but the account was not found';
        elsif not t.approved or t.terms <> 'net30' then
            v_reason := 'net30 requested but the account is not approved for net-30 terms';
        end if;
    end if;

    -- each line's live, active product (null when none), in request order
    select array_agg(p.id order by l.i), array_agg((l.x->>'quantity')::int order by l.i),
           coalesce(array_agg((l.i - 1)::int order by l.i) filter (where p.id is null), '{}')
      into v_line_ids, v_line_qty, v_unknown
      from jsonb_array_elements(p_lines) with ordinality as l(x, i)
      left join lateral (
          select q.id from wholesale.products q
           where coalesce((l.x->>'product_id')::bigint, 0) > 0 and q.id = (l.x->>'product_id')::bigint
             and q.deleted_at is null and q.is_active
          union all
          select q.id from wholesale.products q
           where coalesce((l.x->>'product_id')::bigint, 0) <= 0 and lower(q.sku) = l.x->>'sku'
             and q.deleted_at is null and q.is_active
          limit 1) p on true;
    if cardinality(v_unknown) > 0 then
        return query select 'unknown'::text, u, null::bigint, null::text, null::text, null::text, null::text, null::int,
                            null::numeric, null::boolean, null::numeric, null::int, null::bigint, null::timestamptz, null::text,
                            null::numeric, null::numeric
                       from unnest(v_unknown) u;
        return;
    end if;

    -- one line per product, in order of first appearance
    select array_agg(m.id order by m.first), array_agg(m.qty order by m.first)
      into v_ids, v_qtys
      from (select w.id, min(w.n) as first, sum(w.qty)::int as qty
              from unnest(v_line_ids, v_line_qty) with ordinality as w(id, qty, n)
             group by w.id) m;
    if exists (select from unnest(v_qtys) q where q > p_max_quantity) then
        return query select 'too_large'::text, null::int, null::bigint, null::text, null::text, null::text, null::text, null::int,
                            null::numeric, null::boolean, null::numeric, null::int, null::bigint, null::timestamptz, null::text,
                            null::numeric, null::numeric;
        return;
    end if;

    -- untracked products marked out of stock by hand cannot be ordered either
    return query
    select 'short'::text, null::int, p.id, p.name, p.sku, null::text, null::text, w.qty, null::numeric, null::boolean,
           null::numeric, 0, null::bigint, null::timestamptz, null::text, null::numeric, null::numeric
      from unnest(v_ids, v_qtys) with ordinality as w(id, qty, n)
      join wholesale.products p on p.id = w.id
     where p.stock_quantity is null and not p.in_stock
     order by w.n;
    if found then
        return;
    end if;

    -- lock the tracked rows in id order (PERFORM runs the query to its end: every row is locked)
    perform p.id from wholesale.products p
      where p.id = any(v_ids) and p.stock_quantity is not null
      order by p.id
      for no key update;

    -- with the rows locked, this statement's snapshot shows their current stock
    return query
    select 'short'::text, null::int, p.id, p.name, p.sku, null::text, null::text, w.qty, null::numeric, null::boolean,
           null::numeric, p.stock_quantity, null::bigint, null::timestamptz, null::text, null::numeric, null::numeric
      from unnest(v_ids, v_qtys) as w(id, qty)
      join wholesale.products p on p.id = w.id
     where p.stock_quantity is not null and p.stock_quantity < w.qty
     order by p.id;
    if found then
        return;
    end if;

    -- the lines priced once (the order_items snapshot, in line order), then the totals from them
    select jsonb_agg(jsonb_build_object(
               'product_id', p.id, 'product_name', p.name, 'product_sku', p.sku, 'product_brand', p.brand,
               'product_unit_size', p.unit_size, 'quantity', w.qty, 'unit_price', b.price, 'unit_cost', p.cost,
               'is_bulk_price', b.bulk, 'line_total', round(b.price * w.qty, 2)) order by w.n)
      into v_items
      from unnest(v_ids, v_qtys) with ordinality as w(id, qty, n)
      join wholesale.products p on p.id = w.id
      cross join lateral (select p.bulk_price is not null and p.bulk_quantity is not null and w.qty >= p.bulk_quantity as bulk) k
      cross join lateral (select k.bulk, case when k.bulk then p.bulk_price else p.unit_price end as price) b;
    select sum((x->>'line_total')::numeric) into v_subtotal from jsonb_array_elements(v_items) x;
    v_fee := case when v_subtotal >= p_free_delivery_from then 0 else p_delivery_fee end;
    v_total := v_subtotal + v_fee;

    if v_net30 and v_reason is null then
        if t.credit_limit - t.unpaid < v_total then
            v_reason := format('net30 order of %s exceeds available credit %s (limit %s, unpaid %s)',
                               to_char(v_total, 'FM999999999990.00'), to_char(greatest(0, t.credit_limit - t.unpaid), 'FM999999999990.00'),
                               to_char(t.credit_limit, 'FM999999999990.00'), to_char(t.unpaid, 'FM999999999990.00'));
        end if;
    end if;

    insert into wholesale.orders (order_number, customer_id, status, source, delivery_name, delivery_first_name, delivery_last_name,
                                  delivery_email, delivery_company, delivery_address, delivery_city, delivery_state, delivery_zip,
                                  delivery_phone, special_notes, billing_address, subtotal, discount_amount, delivery_fee,
                                  total_amount, payment_method, payment_status, needs_review, review_reason, status_changed_by)
    values (p_order_number, p_customer_id, 'pending', 'web', p_delivery_name, p_delivery_first_name, p_delivery_last_name,
            p_delivery_email, p_delivery_company, p_delivery_address, p_delivery_city, p_delivery_state, p_delivery_zip,
            p_delivery_phone, p_special_notes, p_billing_address, v_subtotal, 0, v_fee,
            v_total, p_payment_method, 'unpaid', v_reason is not null, v_reason, p_actor_label)
    returning id, created_at into v_order, v_created;

    insert into wholesale.order_events (order_id, kind, from_status, to_status, actor_kind, actor_id, reason)
    select v_order, 'created', null, 'pending', p_actor_kind, p_customer_id, p_created_reason
    union all
    select v_order, 'review', null, 'pending', 'system', null, v_reason where v_reason is not null;

    with reserved as (
        update wholesale.products p
           set stock_quantity = p.stock_quantity - w.qty, in_stock = p.stock_quantity - w.qty > 0, updated_at = now()
          from unnest(v_ids, v_qtys) as w(id, qty)
         where p.id = w.id and p.stock_quantity is not null
        returning p.id, p.stock_quantity, w.qty
    )
    insert into wholesale.inventory_ledger (product_id, delta, balance_after, reason, order_id, actor_kind, actor_id, note)
    select r.id, -r.qty, r.stock_quantity, 'order_reserved', v_order, p_actor_kind, p_customer_id, p_order_number
      from reserved r;

    insert into wholesale.order_items (order_id, product_id, product_name, product_sku, product_brand, product_unit_size,
                                       quantity, unit_price, unit_cost, is_bulk_price, line_total)
    select v_order, x.product_id, x.product_name, x.product_sku, x.product_brand, x.product_unit_size,
           x.quantity, x.unit_price, x.unit_cost, x.is_bulk_price, x.line_total
      from jsonb_to_recordset(v_items) as x(product_id bigint, product_name text, product_sku text, product_brand text,
                                           product_unit_size text, quantity int, unit_price numeric,
                                           unit_cost numeric, is_bulk_price boolean, line_total numeric);

    return query
    select 'placed'::text, (e.n - 1)::int, (e.x->>'product_id')::bigint, e.x->>'product_name', e.x->>'product_sku',
           e.x->>'product_brand', e.x->>'product_unit_size', (e.x->>'quantity')::int, (e.x->>'unit_price')::numeric,
           (e.x->>'is_bulk_price')::boolean, (e.x->>'line_total')::numeric, null::int, v_order, v_created, v_reason, v_subtotal, v_fee
      from jsonb_array_elements(v_items) with ordinality as e(x, n)
     order by e.n;
end
$$;
