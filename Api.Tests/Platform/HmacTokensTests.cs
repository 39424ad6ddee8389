using Api.Infrastructure.Auth;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Api.Tests.Platform;

/// <summary>The shared HS256 validation parameters: one instance per distinct key and claims, and exactly as strict as built per request.</summary>
public sealed class HmacTokensTests
{
    static readonly JsonWebTokenHandler Tokens = new() { MapInboundClaims = false };
    const string KeyA = "a-signing-key-of-enough-length-for-hs256-0123456789";
    const string KeyB = "b-signing-key-of-enough-length-for-hs256-0123456789";

    static Task<bool> Valid(string token, string key, string? issuer, string? audience) =>
        Tokens.ValidateTokenAsync(token, HmacTokens.Parameters(key, issuer, audience, TimeSpan.FromSeconds(5))).ContinueWith(t => t.Result.IsValid);

    [Fact]
    public void Equal_settings_share_one_instance_and_any_difference_gets_its_own()
    {
        var skew = TimeSpan.FromSeconds(30);
        var p = HmacTokens.Parameters(KeyA, "iss", "aud", skew);
        Assert.Same(p, HmacTokens.Parameters(new string(KeyA.ToCharArray()), "iss", "aud", skew));   // by value, not reference
        Assert.NotSame(p, HmacTokens.Parameters(KeyB, "iss", "aud", skew));
        Assert.NotSame(p, HmacTokens.Parameters(KeyA, null, "aud", skew));
        Assert.NotSame(p, HmacTokens.Parameters(KeyA, "iss", "other", skew));
        Assert.NotSame(p, HmacTokens.Parameters(KeyA, "iss", "aud", TimeSpan.Zero));
        Assert.True(p.ValidateIssuer && p.ValidateAudience && p.ValidateLifetime && p.RequireExpirationTime);
        Assert.False(HmacTokens.Parameters(KeyA, null, null, skew).ValidateIssuer);
    }

    [Fact]
    public async Task A_cached_entry_is_as_strict_as_a_fresh_one()
    {
        var token = JwtSchemeHandler.Mint(KeyA, new Dictionary<string, object> { ["sub"] = "x" }, TimeSpan.FromMinutes(5), "iss", "aud");
        Assert.True(await Valid(token, KeyA, "iss", "aud"));
        Assert.True(await Valid(token, KeyA, "iss", "aud"));          // the cached entry
        Assert.False(await Valid(token, KeyB, "iss", "aud"));         // a rotated key does not accept the old key's tokens
        Assert.False(await Valid(token, KeyA, "other", "aud"));
        Assert.False(await Valid(token, KeyA, "iss", "other"));
        var expired = JwtSchemeHandler.Mint(KeyA, new Dictionary<string, object> { ["sub"] = "x" }, TimeSpan.FromSeconds(-60), "iss", "aud");
        Assert.False(await Valid(expired, KeyA, "iss", "aud"));
        var tampered = token[..^3] + (token[^3] == 'A' ? "B" : "A") + token[^2..];
        Assert.False(await Valid(tampered, KeyA, "iss", "aud"));
    }
}
