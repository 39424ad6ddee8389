-- Revokes a pending invitation of the tenant (admin invitations only when @AdminAllowed). No row: not found.
with target as (
    select id, status, role from pricewatch.team_invitations where id = @Id and tenant_id = @TenantId for update
), revoked as (
    update pricewatch.team_invitations i set status = 'revoked', updated_at = now()
      from target t where i.id = t.id and t.status = 'pending' and (t.role <> 'admin' or @AdminAllowed)
    returning i.id
)
select t.status as "PreviousStatus", t.role as "Role", exists (select 1 from revoked) as "Revoked" from target t;
