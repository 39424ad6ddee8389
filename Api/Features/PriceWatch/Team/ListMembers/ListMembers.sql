-- The workspace's members, owner first.
select ut.user_id as "UserId", u.email as "Email", ut.role as "Role", ut.created_at as "CreatedAt"
from pricewatch.user_tenants ut join pricewatch.users u on u.id = ut.user_id
where ut.tenant_id = @TenantId
order by case ut.role when 'owner' then 0 when 'admin' then 1 when 'member' then 2 else 3 end, ut.created_at;
