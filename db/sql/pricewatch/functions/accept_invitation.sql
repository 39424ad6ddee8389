-- pricewatch.accept_invitation: repeatable. Re-applied (in one transaction, after the numbered migrations) whenever this file changes; edit the
-- function here, never in a numbered migration. Created in 0004_membership_read_only.sql.
create or replace function pricewatch.accept_invitation(invitation uuid)
returns table (outcome text, tenant_id uuid, role text) language plpgsql volatile security definer
set search_path = pg_catalog, pricewatch as $$
declare
    me uuid := pricewatch.current_user_id();
    my_email text := pricewatch.current_user_email();
    inv record;
    previous_tenant text;
begin
    if me is null or my_email is null then
        return query select 'not_found'::text, null::uuid, null::text; return;
    end if;
    select i.tenant_id, i.role, i.status, i.expires_at <= now() as expired into inv
      from pricewatch.team_invitations i where i.id = invitation and lower(i.email) = my_email for update;
    if not found then return query select 'not_found'::text, null::uuid, null::text; return; end if;
    if inv.status = 'accepted' then return query select 'accepted_already'::text, inv.tenant_id, inv.role; return; end if;
    if inv.status = 'revoked' then return query select 'revoked'::text, inv.tenant_id, inv.role; return; end if;
    if inv.status = 'expired' or inv.expired then return query select 'expired'::text, inv.tenant_id, inv.role; return; end if;
    if exists (select 1 from pricewatch.user_tenants ut where ut.user_id = me) then
        return query select 'member_already'::text, inv.tenant_id, inv.role; return;
    end if;
    -- the writes happen in the invitation's tenant context (the tables force RLS, also for a non-superuser owner);
    -- the caller's setting is restored afterwards
    previous_tenant := current_setting('app.tenant_id', true);
    perform set_config('app.tenant_id', inv.tenant_id::text, true);
    insert into pricewatch.user_tenants (user_id, tenant_id, role) values (me, inv.tenant_id, inv.role);
    update pricewatch.team_invitations set status = 'accepted', accepted_at = now(), accepted_by = me, updated_at = now()
     where id = invitation;
    perform set_config('app.tenant_id', coalesce(previous_tenant, ''), true);
    return query select 'accepted'::text, inv.tenant_id, inv.role;
end $$;
