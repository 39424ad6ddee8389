-- wholesale.set_order_status: repeatable. Re-applied (in one transaction, after the numbered migrations) whenever this file changes; edit the
-- function here, never in a numbered migration. Created in 0001_core.sql.
create or replace function wholesale.set_order_status(p_order_id bigint, p_to text, p_actor_kind text, p_actor_id bigint, p_reason text)
returns text language plpgsql as $$
declare
    previous text;
begin
    select status into previous from wholesale.orders where id = p_order_id and deleted_at is null for update;
    if previous is null or not wholesale.order_transition_allowed(previous, p_to) then
        return null;
    end if;
    update wholesale.orders
       set status = p_to, status_changed_at = now(), status_changed_by = p_actor_kind || coalesce(':' || p_actor_id, ''),
           updated_at = now()
     where id = p_order_id;
    insert into wholesale.order_events (order_id, kind, from_status, to_status, actor_kind, actor_id, reason)
    values (p_order_id, 'status', previous, p_to, p_actor_kind, p_actor_id, p_reason);
    return previous;
end
$$;
