-- A new pending invitation, valid for 7 days.
insert into pricewatch.team_invitations (tenant_id, email, role, invited_by, expires_at)
values (@TenantId, @Email, @Role, @InvitedBy, now() + interval '7 days')
returning id as "Id", email as "Email", role as "Role", status as "Status", invited_by as "InvitedBy",
          expires_at as "ExpiresAt", created_at as "CreatedAt";
