-- The invitation (locked) and whether another pending one for the same email exists. No row: not found in this tenant.
select i.id as "Id", i.email as "Email", i.role as "Role", i.status as "Status", i.expires_at as "ExpiresAt",
       i.resent_count as "ResentCount", t.name as "TenantName",
       exists (select 1 from pricewatch.team_invitations o where o.tenant_id = i.tenant_id and lower(o.email) = lower(i.email)
                  and o.id <> i.id and o.status = 'pending') as "OtherPending"
from pricewatch.team_invitations i join pricewatch.tenants t on t.id = i.tenant_id
where i.id = @Id and i.tenant_id = @TenantId
for update of i;
