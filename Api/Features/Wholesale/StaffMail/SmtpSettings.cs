namespace Api.Features.Wholesale.StaffMail;

/// <summary>
/// What the diagnostics may show of the platform mail settings (<c>Integrations:Mail:Smtp:*</c>, the same ones
/// <see cref="Api.Infrastructure.Integrations.Mail.MailSender"/> uses): host, port and TLS as they are, the user masked, the
/// password never (only whether it is set, and for smtp-debug its length, as the document shows).
/// </summary>
sealed record SmtpSettings(string? Host, int Port, string? User, string? Password, bool UseTls, string? From)
{
    public static SmtpSettings Read(IConfiguration config)
    {
        var s = config.GetSection("Integrations:Mail:Smtp");
        return new(s["Host"] is { Length: > 0 } h ? h : null, s.GetValue("Port", 25), s["Username"] is { Length: > 0 } u ? u : null,
            s["Password"] is { Length: > 0 } p ? p : null, s.GetValue("UseTls", false), s["From"]);
    }

    /// <summary><c>jo***@example.com</c>, <c>ab***</c>: enough to recognise the account, not to read it.</summary>
    public string? MaskedUser => User is null ? null : Mask(User);

    static string Mask(string user)
    {
        var at = user.IndexOf('@');
        var local = at >= 0 ? user[..at] : user;
        var shown = local.Length <= 2 ? local[..Math.Min(1, local.Length)] : local[..2];
        return shown + "***" + (at >= 0 ? user[at..] : "");
    }
}
