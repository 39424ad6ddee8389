using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Api.Features.Wholesale.Voice.CallComplete;

/// <summary>
/// <c>ElevenLabs-Signature: t=&lt;unix seconds&gt;,v0=&lt;hex HMAC-SHA256(secret, "&lt;t&gt;.&lt;raw body&gt;")&gt;</c>; the timestamp must be within
/// <see cref="Tolerance"/> of now (either side), the comparison is constant time. Several <c>v0</c> values (secret rotation) are accepted.
/// </summary>
static class Signature
{
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(30);

    public static string Sign(string secret, long unix, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{unix}.{body}"));
        return $"t={unix},v0={Convert.ToHexStringLower(mac)}";
    }

    public static bool Valid(string secret, string header, string body, DateTimeOffset now)
    {
        long? t = null; var sigs = new List<byte[]>();
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=');
            if (eq <= 0) continue;
            var (k, v) = (part[..eq], part[(eq + 1)..]);
            if (k == "t" && long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var ts)) t = ts;
            else if (k == "v0" && v.Length == 64)
            {
                try { sigs.Add(Convert.FromHexString(v)); } catch (FormatException) { }
            }
        }
        if (t is null || sigs.Count == 0) return false;
        if (Math.Abs(now.ToUnixTimeSeconds() - t.Value) > Tolerance.TotalSeconds) return false;
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t.Value}.{body}"));
        var ok = false;
        foreach (var s in sigs) ok |= CryptographicOperations.FixedTimeEquals(s, expected);
        return ok;
    }
}
