using System.Net.Sockets;
using ErrorOr;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Mediator;

namespace Api.Features.Wholesale.StaffMail.SmtpDebug;

sealed class Handler(IConfiguration config, ILogger<Handler> log) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var s = SmtpSettings.Read(config);
        var timeout = TimeSpan.FromSeconds(Math.Clamp(config.GetValue("Wholesale:SmtpDebug:TimeoutSeconds", 10.0), 0.1, 60));
        Response Result(bool ok, bool? ehlo, bool? tls, bool? login, string? error, string? type) =>
            new(ok, ehlo, tls, login, error, type, s.MaskedUser, s.Password?.Length ?? 0, s.Host, s.Port);
        if (s.Host is null)
            return Result(false, null, null, null, "No SMTP server is configured (Integrations:Mail:Smtp:Host); mail goes to the outbox", "not_configured");

        bool? ehlo = null, starttls = null, login = null;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        try
        {
            // 1. greeting + EHLO, plain
            using (var plain = new SmtpClient { Timeout = (int)timeout.TotalMilliseconds })
            {
                ehlo = false;
                await plain.ConnectAsync(s.Host, s.Port, SecureSocketOptions.None, cts.Token);
                ehlo = true;
                if (s.UseTls && !plain.Capabilities.HasFlag(SmtpCapabilities.StartTLS))
                {
                    starttls = false;
                    return Result(false, ehlo, starttls, null, "The server does not offer STARTTLS", "tls");
                }
                if (!s.UseTls && s.User is not null)
                {
                    login = false;
                    await plain.AuthenticateAsync(s.User, s.Password ?? "", cts.Token);
                    login = true;
                }
                await plain.DisconnectAsync(true, cts.Token);
            }
            // 2. STARTTLS (and login over it), as the mail sender connects
            if (s.UseTls)
            {
                using var secure = new SmtpClient { Timeout = (int)timeout.TotalMilliseconds };
                starttls = false;
                await secure.ConnectAsync(s.Host, s.Port, SecureSocketOptions.StartTls, cts.Token);
                starttls = true;
                if (s.User is not null)
                {
                    login = false;
                    await secure.AuthenticateAsync(s.User, s.Password ?? "", cts.Token);
                    login = true;
                }
                await secure.DisconnectAsync(true, cts.Token);
            }
            return Result(true, ehlo, starttls, login, null, null);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var type = e switch
            {
                OperationCanceledException or TimeoutException => "timeout",
                SocketException => "connection",
                SslHandshakeException => "tls",
                AuthenticationException => "auth",
                SmtpCommandException or SmtpProtocolException => "smtp",
                _ when e.InnerException is SocketException => "connection",
                _ => "smtp",
            };
            var message = type == "timeout" ? $"No answer within {timeout.TotalSeconds:0.#} s" : e.Message;
            log.LogInformation("SMTP debug against {Host}:{Port} failed at ehlo={Ehlo} starttls={Tls} login={Login}: {Type}", s.Host, s.Port, ehlo, starttls, login, type);
            return Result(false, ehlo, starttls, login, message, type);
        }
    }
}
