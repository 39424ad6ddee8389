using System.Collections.Concurrent;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Api.Infrastructure.Auth;

/// <summary>
/// Validation parameters for HS256 tokens, built once per distinct (signing key, issuer, audience, clock skew) and shared by
/// every request that presents such a token. Building them per request cost a key object whose id IdentityModel derives by
/// hashing (so its signature-provider cache missed on every request) and the parameter object itself. Looked up by value:
/// a rotated key or a reloaded option simply finds or builds another entry; the cache starts over past 64 entries.
/// </summary>
public static class HmacTokens
{
    readonly record struct Key(string Secret, string? Issuer, string? Audience, TimeSpan Skew);

    static readonly ConcurrentDictionary<Key, TokenValidationParameters> Cache = new();

    /// <summary>Signature (HS256 only), lifetime (expiry required) and, when given, issuer and audience.</summary>
    public static TokenValidationParameters Parameters(string secret, string? issuer, string? audience, TimeSpan clockSkew)
    {
        var key = new Key(secret, issuer, audience, clockSkew);
        if (Cache.TryGetValue(key, out var cached)) return cached;
        if (Cache.Count >= 64) Cache.Clear();
        return Cache.GetOrAdd(key, k => new TokenValidationParameters
        {
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(k.Secret)),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidateIssuer = k.Issuer is not null, ValidIssuer = k.Issuer,
            ValidateAudience = k.Audience is not null, ValidAudience = k.Audience,
            ValidateLifetime = true, RequireExpirationTime = true, ClockSkew = k.Skew,
        });
    }
}
