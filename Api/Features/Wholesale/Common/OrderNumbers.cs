using System.Security.Cryptography;

namespace Api.Features.Wholesale.Common;

/// <summary>
/// Unguessable order numbers: <c>LLD-</c> + 10 characters of Crockford base32 (50 random bits), so tracking by number
/// cannot be walked. The unique index on orders.order_number catches the (negligible) collision.
/// </summary>
static class OrderNumbers
{
    const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New()
    {
        Span<byte> bytes = stackalloc byte[10];
        RandomNumberGenerator.Fill(bytes);
        Span<char> chars = stackalloc char[10];
        for (var i = 0; i < 10; i++) chars[i] = Alphabet[bytes[i] & 31];
        return "LLD-" + new string(chars);
    }

    /// <summary>A syntactically possible order number (documented numbers of other shapes exist in imports, so this is loose).</summary>
    public static bool Plausible(string? value) =>
        value is { Length: >= 3 and <= 64 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
