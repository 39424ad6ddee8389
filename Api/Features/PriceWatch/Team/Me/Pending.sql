-- Pending, unexpired invitations addressed to the caller's email (visible through the own_invitations policy).
select i.id as "Id", i.tenant_id as "TenantId", t.name as "TenantName", i.role as "Role", i.expires_at as "ExpiresAt"
from pricewatch.team_invitations i join pricewatch.tenants t on t.id = i.tenant_id
where lower(i.email) = @Email and i.status = 'pending' and i.expires_at > now()
order by i.created_at desc;
