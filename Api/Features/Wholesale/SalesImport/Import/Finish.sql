-- Finishes an import from its staged rows (run statement by statement, in the job's transaction; "-- step" separates them).
-- An order's customer is the one named on its first line: the job writes those fields on every line of the order as it
-- streams the file (no update of the staged rows here).
-- 1. Orders with a bad line are left out whole.
delete from wholesale.sales_import_rows where import_id = @ImportId and order_number = any(@BadOrders);
-- step 2. Orders already in the database (an earlier upload of the same file) are skipped; answers how many.
with gone as (
    delete from wholesale.sales_import_rows r
     where r.import_id = @ImportId and exists (select 1 from wholesale.orders o where o.order_number = r.order_number)
    returning r.order_number
)
select count(distinct order_number)::int from gone;
-- step 3. Customers by phone.
update wholesale.sales_import_rows r set customer_id = m.id
  from (select k.phone, (select c.id from wholesale.customers c
                          where c.phone = k.phone and c.deleted_at is null and c.merged_into is null order by c.id limit 1) as id
          from (select distinct phone from wholesale.sales_import_rows where import_id = @ImportId and phone is not null) k) m
 where r.import_id = @ImportId and r.phone = m.phone and m.id is not null;
-- step 4. Then by email.
update wholesale.sales_import_rows r set customer_id = m.id
  from (select k.email, (select c.id from wholesale.customers c
                          where c.email = k.email and c.deleted_at is null and c.merged_into is null order by c.id limit 1) as id
          from (select distinct email from wholesale.sales_import_rows
                 where import_id = @ImportId and customer_id is null and email is not null) k) m
 where r.import_id = @ImportId and r.customer_id is null and r.email = m.email and m.id is not null;
-- step 5. Everyone else becomes one imported contact per phone, else email, else name, else order: ids drawn up front.
with keys as (
    select distinct coalesce(phone, 'e:' || lower(email::text), 'n:' || lower(coalesce(company_name, customer_name)), 'o:' || order_number) as key
    from wholesale.sales_import_rows where import_id = @ImportId and customer_id is null
), ids as (
    select key, nextval(pg_get_serial_sequence('wholesale.customers', 'id')) as id from keys
)
update wholesale.sales_import_rows r set customer_id = ids.id, new_customer = true
  from ids
 where r.import_id = @ImportId and r.customer_id is null
   and coalesce(r.phone, 'e:' || lower(r.email::text), 'n:' || lower(coalesce(r.company_name, r.customer_name)), 'o:' || r.order_number) = ids.key;
-- step 6. Create them (do-not-call when the file says so or the number is on the do-not-call list, issue 16) and honour the
-- file's do-not-call marks on matched customers.
insert into wholesale.customers (id, kind, first_name, last_name, company_name, phone, email, do_not_call, notes)
overriding system value
select distinct on (r.customer_id) r.customer_id, 'imported', nullif(split_part(r.customer_name, ' ', 1), ''),
       nullif(trim(substr(r.customer_name, length(split_part(r.customer_name, ' ', 1)) + 1)), ''), r.company_name, r.phone, r.email,
       bool_or(r.do_not_call) over (partition by r.customer_id) or exists (select from wholesale.do_not_call d where d.phone = r.phone),
       'Imported from a transactions file (import ' || @ImportId || ')'
from wholesale.sales_import_rows r
where r.import_id = @ImportId and r.new_customer
order by r.customer_id, r.line_no;
-- step 7.
update wholesale.customers c set do_not_call = true, updated_at = now()
 where c.id in (select r.customer_id from wholesale.sales_import_rows r
                 where r.import_id = @ImportId and not r.new_customer
                   and (r.do_not_call or exists (select from wholesale.do_not_call d where d.phone = r.phone)))
   and not c.do_not_call;
-- step 8. Orders (delivered and paid history, no stock moved, nothing sent) and their lines; products by SKU, then name.
with heads as (
    select order_number, min(order_date) as order_date, (array_agg(customer_id order by line_no))[1] as customer_id,
           (array_agg(customer_name order by line_no))[1] as customer_name, (array_agg(company_name order by line_no))[1] as company_name,
           (array_agg(phone order by line_no))[1] as phone, (array_agg(email order by line_no))[1] as email,
           sum(round(quantity * unit_price, 2)) as subtotal
    from wholesale.sales_import_rows where import_id = @ImportId
    group by order_number
), ins as (
    insert into wholesale.orders (order_number, customer_id, status, source, delivery_name, delivery_company, delivery_phone, delivery_email,
                                  subtotal, total_amount, amount_paid, payment_method, payment_status, created_by_staff_id,
                                  status_changed_at, status_changed_by, payment_status_changed_at, payment_status_changed_by, created_at, updated_at)
    select h.order_number, h.customer_id, 'delivered', 'import', h.customer_name, h.company_name, h.phone, h.email,
           h.subtotal, h.subtotal, h.subtotal, 'imported', 'paid', @UploadedBy,
           h.order_date, 'import:' || @ImportId, h.order_date, 'import:' || @ImportId, h.order_date, now()
    from heads h
    returning id, order_number
), by_sku as (
    select distinct on (lower(sku)) lower(sku) as k, id, name, sku, brand, unit_size
    from wholesale.products where deleted_at is null order by lower(sku), is_active desc, id
), by_name as (
    select distinct on (lower(name)) lower(name) as k, id, name, sku, brand, unit_size
    from wholesale.products where deleted_at is null order by lower(name), is_active desc, id
), items as (
    insert into wholesale.order_items (order_id, product_id, product_name, product_sku, product_brand, product_unit_size, quantity, unit_price, line_total)
    select i.id, coalesce(s.id, n.id), coalesce(r.product_name, s.name, n.name, r.sku), coalesce(r.sku, n.sku),
           coalesce(s.brand, n.brand), coalesce(s.unit_size, n.unit_size), r.quantity, r.unit_price, round(r.quantity * r.unit_price, 2)
    from wholesale.sales_import_rows r
    join ins i on i.order_number = r.order_number
    left join by_sku s on s.k = lower(r.sku)
    left join by_name n on s.id is null and n.k = lower(r.product_name)
    where r.import_id = @ImportId
    order by r.line_no
    returning product_id
)
select (select count(*)::int from ins) as "OrdersCreated",
       (select count(distinct customer_id)::int from wholesale.sales_import_rows where import_id = @ImportId and new_customer) as "CustomersCreated",
       (select count(*)::int from items) as "ItemsCreated",
       (select count(*)::int from items where product_id is null) as "UnlinkedItems";
-- step 9. The import's result; the staging rows go.
update wholesale.sales_imports
   set total_rows = @TotalRows, orders_created = @OrdersCreated, customers_created = @CustomersCreated, items_created = @ItemsCreated,
       unlinked_items = @UnlinkedItems, skipped_orders = @SkippedOrders, error_count = @ErrorCount, errors = cast(@Errors as jsonb),
       completed_at = now()
 where id = @ImportId;
-- step 10.
delete from wholesale.sales_import_rows where import_id = @ImportId;
