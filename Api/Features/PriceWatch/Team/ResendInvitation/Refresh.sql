update pricewatch.team_invitations
   set status = 'pending', expires_at = now() + interval '7 days', resent_count = resent_count + 1, updated_at = now()
 where id = @Id and tenant_id = @TenantId
returning id as "Id", email as "Email", role as "Role", status as "Status", expires_at as "ExpiresAt", resent_count as "ResentCount";
