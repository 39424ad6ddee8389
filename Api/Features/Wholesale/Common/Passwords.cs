using Api.Infrastructure.Security;

namespace Api.Features.Wholesale.Common;

/// <summary>Password rules of the document (at least 6 characters) and equal-time checks for unknown accounts.</summary>
static class Passwords
{
    public const int MinLength = 6;
    public const int MaxLength = 128;
    public const string TooShort = "Password must be at least 6 characters";

    /// <summary>A real hash of a random password, verified when no account matched so both paths cost one PBKDF2 run.</summary>
    static readonly string Dummy = Hashing.HashPassword(Guid.NewGuid().ToString("N"));

    /// <summary>Verifies against the stored hash, or against a dummy hash (always false) when there is none.</summary>
    public static bool Verify(string password, string? storedHash)
    {
        if (storedHash is null) { Hashing.VerifyPassword(password, Dummy); return false; }
        return Hashing.VerifyPassword(password, storedHash);
    }

    public static string Hash(string password) => Hashing.HashPassword(password);
}
