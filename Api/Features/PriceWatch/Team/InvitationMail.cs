using Api.Infrastructure.Integrations.Mail;
using Api.Infrastructure.Integrations.SupabaseAdmin;

namespace Api.Features.PriceWatch.Team;

/// <summary>Sends an invitation: Supabase's invite email when the admin API is configured and accepts it, else the mail sender.</summary>
sealed class InvitationMail(SupabaseAdminClient supabase, IMailSender mail, IConfiguration config, ILogger<InvitationMail> log)
{
    public sealed record Sent(bool EmailSent, string Delivery);

    public async Task<Sent> SendAsync(Guid invitationId, Guid tenantId, string tenantName, string email, string role, CancellationToken ct)
    {
        var app = (config["PriceWatch:AppUrl"] is { Length: > 0 } a ? a : "http://localhost:3000").TrimEnd('/');
        var link = $"{app}/invite/accept?invitation={invitationId}";
        if (supabase.IsConfigured)
        {
            try
            {
                if (await supabase.InviteUserByEmailAsync(email, link,
                        new Dictionary<string, object?> { ["tenant_id"] = tenantId, ["invitation_id"] = invitationId, ["role"] = role }, ct))
                    return new(true, "supabase");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                log.LogWarning("Supabase invite failed ({Error}); falling back to the mail sender", e.Message);
            }
        }
        var text = $"You have been invited to join {tenantName} on PriceWatch as {role}.\n\nAccept the invitation: {link}\n\n" +
                   "The invitation expires in 7 days.";
        var result = await mail.SendAsync(new OutgoingMail(email, $"You're invited to {tenantName} on PriceWatch", text, null,
            "pricewatch.invitation", tenantId.ToString()), ct);
        return new(result.Sent, result.Delivery);
    }
}
