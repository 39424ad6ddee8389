using Api.Infrastructure.Database;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Npgsql;

namespace Api.Infrastructure.Integrations.Mail;

public sealed record OutgoingMail(string To, string Subject, string Text, string? Html, string Category, string? TenantId);

/// <summary>How a message left: <c>smtp</c> (handed to the server) or <c>outbox</c> (stored in platform.mail_outbox).</summary>
public sealed record MailResult(bool Sent, string Delivery);

public interface IMailSender
{
    Task<MailResult> SendAsync(OutgoingMail mail, CancellationToken ct);
}

/// <summary>
/// SMTP through MailKit when <c>Integrations:Mail:Smtp:Host</c> is set (<c>Port</c>, <c>Username</c>, <c>Password</c>,
/// <c>From</c>, <c>UseTls</c>); otherwise, or when the server refuses, the message is stored in <c>platform.mail_outbox</c>
/// and a log line says so (recipient and subject only, never the body, which can hold invitation links).
/// </summary>
public sealed class MailSender(IConfiguration config, Db db, ILogger<MailSender> log) : IMailSender
{
    public async Task<MailResult> SendAsync(OutgoingMail mail, CancellationToken ct)
    {
        var smtp = config.GetSection("Integrations:Mail:Smtp");
        string? error = null;
        if (smtp["Host"] is { Length: > 0 } host)
        {
            try
            {
                var message = new MimeMessage();
                message.From.Add(MailboxAddress.Parse(smtp["From"] is { Length: > 0 } from ? from : "no-reply@localhost"));
                message.To.Add(MailboxAddress.Parse(mail.To));
                message.Subject = mail.Subject;
                var body = new BodyBuilder { TextBody = mail.Text, HtmlBody = mail.Html };
                message.Body = body.ToMessageBody();
                using var client = new SmtpClient { Timeout = 15_000 };
                var tls = smtp.GetValue("UseTls", false) ? SecureSocketOptions.StartTls : SecureSocketOptions.None;
                await client.ConnectAsync(host, smtp.GetValue("Port", 25), tls, ct);
                if (smtp["Username"] is { Length: > 0 } user) await client.AuthenticateAsync(user, smtp["Password"] ?? "", ct);
                await client.SendAsync(message, ct);
                await client.DisconnectAsync(true, ct);
                return new MailResult(true, "smtp");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                error = $"{e.GetType().Name}: {e.Message}";
                log.LogWarning("SMTP delivery of '{Subject}' failed ({Error}); storing it in the outbox", mail.Subject, error);
            }
        }
        await using var cmd = db.App.CreateCommand("""
            insert into platform.mail_outbox (tenant_id, to_address, subject, body_text, body_html, category, last_error)
            values ($1, $2, $3, $4, $5, $6, $7)
            """);
        cmd.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = mail.TenantId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = mail.To });
        cmd.Parameters.Add(new NpgsqlParameter { Value = mail.Subject });
        cmd.Parameters.Add(new NpgsqlParameter { Value = mail.Text });
        cmd.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = mail.Html });
        cmd.Parameters.Add(new NpgsqlParameter { Value = mail.Category });
        cmd.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = error });
        await cmd.ExecuteNonQueryAsync(ct);
        log.LogInformation("Mail '{Subject}' ({Category}) stored in platform.mail_outbox (no SMTP server configured or reachable)", mail.Subject, mail.Category);
        return new MailResult(false, "outbox");
    }
}
