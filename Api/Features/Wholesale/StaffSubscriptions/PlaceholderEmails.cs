namespace Api.Features.Wholesale.StaffSubscriptions;

/// <summary>
/// Subscription orders are confirmed by email, so the delivery email must reach someone. Refused as placeholders:
/// <list type="bullet">
/// <item>reserved domains that can never receive mail (RFC 2606/6761): <c>example.com</c>, <c>example.net</c>, <c>example.org</c>,
/// and anything ending in <c>.example</c>, <c>.test</c>, <c>.invalid</c>, <c>.localhost</c> or <c>.local</c>, or <c>localhost</c>;</item>
/// <item>domains used as stand-ins: <see cref="Domains"/> (<c>noemail.com</c>, <c>none.com</c>, <c>placeholder.com</c>, ...);</item>
/// <item>local parts that say "no email": <see cref="LocalParts"/> (<c>noemail</c>, <c>none</c>, <c>na</c>, <c>test</c>, <c>unknown</c>,
/// <c>noreply</c>, ...), also with a <c>+tag</c> or trailing digits (<c>noemail123@</c>).</item>
/// </list>
/// </summary>
static class PlaceholderEmails
{
    public static readonly string[] Domains =
    [
        "noemail.com", "no-email.com", "nomail.com", "none.com", "na.com", "placeholder.com", "fake.com", "fakeemail.com",
        "test.com", "email.com", "noreply.com", "donotreply.com", "unknown.com", "mailinator.com",
    ];

    public static readonly string[] LocalParts =
    [
        "noemail", "no-email", "no.email", "no_email", "nomail", "none", "na", "n/a", "null", "nil", "test", "testing", "unknown",
        "placeholder", "fake", "noreply", "no-reply", "donotreply", "do-not-reply", "email", "customer", "asdf", "xxx", "abc",
    ];

    static readonly string[] ReservedSuffixes = [".example", ".test", ".invalid", ".localhost", ".local"];
    static readonly string[] ReservedDomains = ["example.com", "example.net", "example.org", "localhost"];

    public static bool IsPlaceholder(string? email)
    {
        if (string.IsNullOrWhiteSpace(email)) return true;
        var at = email.Trim().LastIndexOf('@');
        if (at <= 0 || at == email.Trim().Length - 1) return true;
        var local = email.Trim()[..at].ToLowerInvariant();
        var domain = email.Trim()[(at + 1)..].ToLowerInvariant().TrimEnd('.');
        if (ReservedDomains.Contains(domain) || ReservedDomains.Any(d => domain.EndsWith("." + d, StringComparison.Ordinal))) return true;
        if (ReservedSuffixes.Any(s => domain.EndsWith(s, StringComparison.Ordinal))) return true;
        if (Domains.Contains(domain)) return true;
        var plus = local.IndexOf('+');
        var bare = (plus >= 0 ? local[..plus] : local).TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
        return LocalParts.Contains(bare);
    }

    public const string Rule = "must be a real address, not a placeholder (reserved domains such as example.com or *.test, stand-in domains " +
                               "such as noemail.com, or names such as noemail@, none@, test@)";
}
