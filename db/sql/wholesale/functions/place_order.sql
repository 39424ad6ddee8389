-- wholesale.place_order: repeatable (re-applied whenever this file changes). The write half of POST /api/orders
-- (Orders/PlaceOrder) in one call, so one statement and one implicit transaction: no BEGIN/COMMIT round trips.
-- The caller has already priced the lines from the catalog (p_items: the order_items snapshot as a JSON array, one element
-- per product, with product_id and quantity) and decided the guest net-30 case (p_review_reason).
--   1. net-30 for a signed-in customer: the customer row is locked (for no key update, so orders' key-share locks on it do
--      not wait) and the order is flagged unless the account is approved for net-30 and its available credit (limit minus
--      the unpaid net-30 balance, this order excluded) covers the total.
--   2. the tracked products (stock_quantity not null) are locked in product-id order, so concurrent orders never deadlock.
--   3. any tracked line short: one row per short line (r_order_id null) and nothing is written.
--   4. otherwise the order, its 'created' event (and 'review' when flagged), the reservation (stock decremented, in_stock
--      following it) with one inventory_ledger row per tracked product, and the lines; one row with the order.
-- Lines go in after the reservation: their foreign key takes a key-share lock on the product row, after the row lock.
create or replace function wholesale.place_order(
    p_order_number text, p_customer_id bigint,
    p_delivery_name text, p_delivery_first_name text, p_delivery_last_name text, p_delivery_email text, p_delivery_company text,
    p_delivery_address text, p_delivery_city text, p_delivery_state text, p_delivery_zip text, p_delivery_phone text,
    p_special_notes text, p_billing_address text,
    p_subtotal numeric, p_delivery_fee numeric, p_payment_method text, p_review_reason text,
    p_actor_label text, p_actor_kind text, p_created_reason text, p_items jsonb)
returns table (r_order_id bigint, r_created_at timestamptz, r_review_reason text,
               r_product_id bigint, r_requested int, r_available int)
language plpgsql as $$
#variable_conflict use_column
declare
    v_total   numeric := p_subtotal + p_delivery_fee;
    v_reason  text := p_review_reason;
    v_ids     bigint[];
    v_qtys    int[];
    v_order   bigint;
    v_created timestamptz;
    t         record;
begin
    if p_payment_method = 'net30' and p_customer_id is not null then
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
        elsif t.credit_limit - t.unpaid < v_total then
            v_reason := format('net30 order of %s exceeds available credit %s (limit %s, unpaid %s)',
                               to_char(v_total, 'FM999999999990.00'), to_char(greatest(0, t.credit_limit - t.unpaid), 'FM999999999990.00'),
                               to_char(t.credit_limit, 'FM999999999990.00'), to_char(t.unpaid, 'FM999999999990.00'));
        end if;
    end if;

    select array_agg((x->>'product_id')::bigint), array_agg((x->>'quantity')::int)
      into v_ids, v_qtys
      from jsonb_array_elements(p_items) x;

    -- lock the tracked rows in id order (PERFORM runs the query to its end: every row is locked)
    perform p.id from wholesale.products p
      where p.id = any(v_ids) and p.stock_quantity is not null
      order by p.id
      for no key update;

    -- with the rows locked, this statement's snapshot shows their current stock
    return query
    select null::bigint, null::timestamptz, null::text, p.id, w.qty, p.stock_quantity
      from unnest(v_ids, v_qtys) as w(id, qty)
      join wholesale.products p on p.id = w.id
     where p.stock_quantity is not null and p.stock_quantity < w.qty
     order by p.id;
    if found then
        return;
    end if;

    insert into wholesale.orders (order_number, customer_id, status, source, delivery_name, delivery_first_name, delivery_last_name,
                                  delivery_email, delivery_company, delivery_address, delivery_city, delivery_state, delivery_zip,
                                  delivery_phone, special_notes, billing_address, subtotal, discount_amount, delivery_fee,
                                  total_amount, payment_method, payment_status, needs_review, review_reason, status_changed_by)
    values (p_order_number, p_customer_id, 'pending', 'web', p_delivery_name, p_delivery_first_name, p_delivery_last_name,
            p_delivery_email, p_delivery_company, p_delivery_address, p_delivery_city, p_delivery_state, p_delivery_zip,
            p_delivery_phone, p_special_notes, p_billing_address, p_subtotal, 0, p_delivery_fee,
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
      from jsonb_to_recordset(p_items) as x(product_id bigint, product_name text, product_sku text, product_brand text,
                                            product_unit_size text, quantity int, unit_price numeric,
                                            unit_cost numeric, is_bulk_price boolean, line_total numeric);

    return query select v_order, v_created, v_reason, null::bigint, null::int, null::int;
end
$$;
