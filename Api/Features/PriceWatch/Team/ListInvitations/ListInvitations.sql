select i.id as "Id", i.email as "Email", i.role as "Role",
       case when i.status = 'pending' and i.expires_at <= now() then 'expired' else i.status end as "Status",
       i.invited_by as "InvitedBy", u.email as "InvitedByEmail", i.resent_count as "ResentCount",
       i.expires_at as "ExpiresAt", i.created_at as "CreatedAt", i.accepted_at as "AcceptedAt"
from pricewatch.team_invitations i left join pricewatch.users u on u.id = i.invited_by
where i.tenant_id = @TenantId
order by i.created_at desc;
