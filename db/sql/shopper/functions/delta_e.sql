-- shopper.delta_e: repeatable. Re-applied (in one transaction, after the numbered migrations) whenever this file changes; edit the
-- function here, never in a numbered migration. Created in 0001_shopper.sql.
create or replace function shopper.delta_e(a real[], b real[]) returns double precision
language sql immutable parallel safe as $$
    select case when a is null or b is null or cardinality(a) <> 3 or cardinality(b) <> 3 then null
                else sqrt((a[1] - b[1]) ^ 2 + (a[2] - b[2]) ^ 2 + (a[3] - b[3]) ^ 2) end
$$;
