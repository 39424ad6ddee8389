using System.Security.Cryptography;
using System.Text;
using Api.Infrastructure.Auth;

namespace Api.Infrastructure.Security;

/// <summary>
/// Encrypts stored credentials (OAuth tokens, API secrets of third parties) with AES-256-GCM. The key comes from
/// <c>Security:EncryptionKey</c> (base64, 32 bytes) or a generated development value (see <see cref="Secrets"/>).
/// Ciphertext format: "v1:" + base64(nonce | tag | ciphertext); the associated data binds a value to its owner
/// (e.g. "adpriority:tenant:{id}:shopify_token") so a ciphertext copied to another row does not decrypt.
/// </summary>
public sealed class SecretBox(Secrets secrets)
{
    public const string KeySetting = "Security:EncryptionKey";
    byte[]? _key;

    byte[] Key => _key ??= Derive(secrets.Get(KeySetting));

    static byte[] Derive(string configured)
    {
        try { var raw = Convert.FromBase64String(configured); if (raw.Length == 32) return raw; } catch (FormatException) { }
        return SHA256.HashData(Encoding.UTF8.GetBytes(configured));   // any other string: stretch to 32 bytes
    }

    public string Encrypt(string plaintext, string associatedData)
    {
        var nonce = RandomNumberGenerator.GetBytes(12);
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var cipher = new byte[plain.Length];
        var tag = new byte[16];
        using var aes = new AesGcm(Key, 16);
        aes.Encrypt(nonce, plain, cipher, tag, Encoding.UTF8.GetBytes(associatedData));
        return "v1:" + Convert.ToBase64String([.. nonce, .. tag, .. cipher]);
    }

    /// <summary>Throws <see cref="CryptographicException"/> when the value was tampered with or belongs to another owner.</summary>
    public string Decrypt(string stored, string associatedData)
    {
        if (!stored.StartsWith("v1:", StringComparison.Ordinal)) throw new CryptographicException("Unknown ciphertext format.");
        var data = Convert.FromBase64String(stored[3..]);
        if (data.Length < 28) throw new CryptographicException("Ciphertext too short.");
        var plain = new byte[data.Length - 28];
        using var aes = new AesGcm(Key, 16);
        aes.Decrypt(data.AsSpan(0, 12), data.AsSpan(28), data.AsSpan(12, 16), plain, Encoding.UTF8.GetBytes(associatedData));
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>What a GET may show of a secret: its last four characters.</summary>
    public static string Preview(string secret) => secret.Length <= 4 ? "****" : "****" + secret[^4..];
}

/// <summary>
/// API keys and passwords. Keys are random, shown once, stored as SHA-256 (they are high-entropy, so a fast hash is right and
/// lookups stay indexable); passwords use PBKDF2-SHA256 with a per-password salt.
/// </summary>
public static class Hashing
{
    public static string NewApiKey(string prefix) =>
        prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', 'A').Replace('/', 'B').TrimEnd('=');

    public static string HashApiKey(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key))).ToLowerInvariant();

    const int Iterations = 210_000;

    public static string HashPassword(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, Iterations, HashAlgorithmName.SHA256, 32);
        return $"pbkdf2-sha256${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    public static bool VerifyPassword(string password, string stored)
    {
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != "pbkdf2-sha256" || !int.TryParse(parts[1], out var iterations)) return false;
        var salt = Convert.FromBase64String(parts[2]);
        var expected = Convert.FromBase64String(parts[3]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
