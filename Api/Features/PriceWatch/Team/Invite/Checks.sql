-- Is the email already a member / invited (pending and unexpired)? Expired pending invitations are closed as 'expired' first.
with expired as (
    update pricewatch.team_invitations set status = 'expired', updated_at = now()
     where tenant_id = @TenantId and lower(email) = @Email and status = 'pending' and expires_at <= now()
    returning id
)
select exists (select 1 from pricewatch.user_tenants ut join pricewatch.users u on u.id = ut.user_id
                where ut.tenant_id = @TenantId and lower(u.email) = @Email) as "IsMember",
       exists (select 1 from pricewatch.team_invitations i
                where i.tenant_id = @TenantId and lower(i.email) = @Email and i.status = 'pending' and i.expires_at > now()
                  and i.id not in (select id from expired)) as "HasPending",
       (select name from pricewatch.tenants where id = @TenantId) as "TenantName";
