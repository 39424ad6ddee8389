-- wholesale.customer_search_text: repeatable. Re-applied (in one transaction, after the numbered migrations) whenever this file changes; edit the
-- function here, never in a numbered migration. Created in 0008_staff_customers.sql.
create or replace function wholesale.customer_search_text(first_name text, last_name text, company_name text, email citext, phone text, username citext)
returns text language sql immutable parallel safe as $$
    select lower(coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || coalesce(company_name, '') || ' ' ||
                 coalesce(email::text, '') || ' ' || coalesce(phone, '') || ' ' || coalesce(username::text, ''))
$$;
