using System.Security.Cryptography;
using Api.Infrastructure.Security;
using Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Platform;

public sealed class SecurityTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public void Stored_credentials_round_trip_and_are_bound_to_their_owner()
    {
        var box = api.Services.GetRequiredService<SecretBox>();
        var stored = box.Encrypt("shpat_secret_token", "tenant:1:shopify");
        Assert.DoesNotContain("shpat", stored);
        Assert.NotEqual(stored, box.Encrypt("shpat_secret_token", "tenant:1:shopify"));   // fresh nonce each time
        Assert.Equal("shpat_secret_token", box.Decrypt(stored, "tenant:1:shopify"));
        Assert.ThrowsAny<CryptographicException>(() => box.Decrypt(stored, "tenant:2:shopify"));
        var tampered = stored[..^4] + (stored[^4] == 'A' ? 'B' : 'A') + stored[^3..];
        Assert.ThrowsAny<CryptographicException>(() => box.Decrypt(tampered, "tenant:1:shopify"));
        Assert.Equal("****oken", SecretBox.Preview("shpat_secret_token"));
    }

    [Fact]
    public void Api_keys_and_passwords_are_stored_hashed()
    {
        var key = Hashing.NewApiKey("sk_test_");
        Assert.StartsWith("sk_test_", key);
        Assert.Equal(Hashing.HashApiKey(key), Hashing.HashApiKey(key));
        Assert.DoesNotContain(key, Hashing.HashApiKey(key));
        var stored = Hashing.HashPassword("correct horse");
        Assert.True(Hashing.VerifyPassword("correct horse", stored));
        Assert.False(Hashing.VerifyPassword("wrong horse", stored));
        Assert.NotEqual(stored, Hashing.HashPassword("correct horse"));
    }
}
