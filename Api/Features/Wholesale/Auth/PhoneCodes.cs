using System.Security.Cryptography;
using System.Text;
using Api.Infrastructure.Auth;

namespace Api.Features.Wholesale.Auth;

/// <summary>
/// Phone recovery codes: 6 random digits, stored as an HMAC-SHA256 keyed with a server secret (a bare hash of six digits would
/// fall to a million guesses offline), bound to the phone number; 10 minutes, 5 tries, 3 sends per phone per 15 minutes.
/// </summary>
sealed class PhoneCodes(Secrets secrets)
{
    public const int MaxAttempts = 5;
    public const int MaxSends = 3;
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan SendWindow = TimeSpan.FromMinutes(15);

    public static string NewCode() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    public byte[] Hash(string phoneE164, string code)
    {
        var key = SHA256.HashData(Encoding.UTF8.GetBytes("wholesale-phone-code:" + secrets.Get(WholesaleAuth.SigningKeySetting)));
        return HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(phoneE164 + ":" + code));
    }

    /// <summary>"de*******ro": enough for the owner to recognise, too little to sign in with.</summary>
    public static string MaskUsername(string username) => username.Length switch
    {
        <= 2 => new string('*', username.Length),
        <= 4 => username[0] + new string('*', username.Length - 1),
        _ => username[..2] + new string('*', username.Length - 4) + username[^2..],
    };
}
