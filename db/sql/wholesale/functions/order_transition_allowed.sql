-- wholesale.order_transition_allowed: repeatable. Re-applied (in one transaction, after the numbered migrations) whenever this file changes; edit the
-- function here, never in a numbered migration. Created in 0001_core.sql.
create or replace function wholesale.order_transition_allowed(from_status text, to_status text) returns boolean
language sql immutable as $$
    select case
        when from_status = to_status then false
        when to_status = 'cancelled' then from_status in ('pending', 'confirmed', 'packed', 'shipped')
        else (from_status, to_status) in (('pending', 'confirmed'), ('confirmed', 'packed'), ('packed', 'shipped'), ('shipped', 'delivered'))
    end
$$;
