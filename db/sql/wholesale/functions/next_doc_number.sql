-- wholesale.next_doc_number: repeatable. Re-applied (in one transaction, after the numbered migrations) whenever this file changes; edit the
-- function here, never in a numbered migration. Created in 0013_sourcing.sql.
create or replace function wholesale.next_doc_number(p_kind text, p_year int) returns text
language sql volatile as $$
    insert into wholesale.doc_counters as c (kind, year, last_value) values (p_kind, p_year, 1)
    on conflict (kind, year) do update set last_value = c.last_value + 1
    returning p_kind || '-' || p_year::text || '-' || lpad(c.last_value::text, 4, '0');
$$;
