using Api.Infrastructure.Integrations.Mail;
using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.StaffMail.TestEmail;

sealed class Handler(IConfiguration config, IMailSender mail) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var s = SmtpSettings.Read(config);
        var to = !string.IsNullOrWhiteSpace(req.To) ? req.To.Trim() : s.User is { } u && u.Contains('@') ? u : null;
        if (to is null) return Error.Validation("to", "to is required: no SMTP user email is configured to default to");
        var sent = await mail.SendAsync(new OutgoingMail(to, "LLD Wholesale test email",
            $"This is a test message from the LLD Wholesale staff portal, sent {DateTimeOffset.UtcNow:u}. If you can read it, outgoing mail works.",
            null, "wholesale.test_email", null), ct);
        var cfg = new Config(s.Host, s.Port, s.MaskedUser, s.Password is null ? "not set" : "set", to);
        return new Response(true, !sent.Sent, cfg, sent.Sent
            ? $"Test email handed to the SMTP server {s.Host}:{s.Port} for {to}"
            : s.Host is null
                ? "No SMTP server is configured; the test email was stored in the outbox (platform.mail_outbox)"
                : "The SMTP server did not accept the message; it was stored in the outbox (platform.mail_outbox). Run smtp-debug for details");
    }
}
