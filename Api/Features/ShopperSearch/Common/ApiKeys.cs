using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Api.Infrastructure.Security;
using ErrorOr;

namespace Api.Features.ShopperSearch.Common;

/// <summary>
/// API keys of ShopperSearch merchants, shared by the <c>shopper-keys</c> CLI and the admin endpoints: generation
/// (<c>sk_{env}_</c> + 32 random characters), the stored form (SHA-256 hex and a 12-character prefix) and the one insert.
/// The key itself is returned once and never stored.
/// </summary>
static class ApiKeys
{
    public static readonly string[] Environments = ["test", "live"];

    public sealed record NewKey(string Key, string Prefix, string Hash);

    public static NewKey Generate(string environment)
    {
        var key = Hashing.NewApiKey($"sk_{environment}_");
        return new NewKey(key, key[..12], Hashing.HashApiKey(key));
    }

    /// <summary>Inserts a generated key (inside a transaction whose <c>app.tenant_id</c> is the merchant); returns the new id.</summary>
    public static async Task<long> InsertAsync(DbConnection conn, DbTransaction? tx, long merchant, string environment, string name, NewKey key, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "insert into shopper.api_keys (merchant_id, name, environment, key_prefix, key_hash) values ($1, $2, $3, $4, $5) returning id";
        foreach (var v in new object[] { merchant, name, environment, key.Prefix, key.Hash })
        {
            var p = cmd.CreateParameter();
            p.Value = v;
            cmd.Parameters.Add(p);
        }
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }

    /// <summary>
    /// The admin token check of the key endpoints (<c>Authorization: Bearer &lt;token&gt;</c>). <c>ShopperSearch:AdminToken</c>
    /// holds <c>sha256:&lt;hex&gt;</c> or a plain token of at least 16 characters; anything else (or nothing) disables the
    /// endpoints (403). Both sides are hashed and compared in constant time.
    /// </summary>
    public static Error? CheckAdmin(IConfiguration config, string? authorization)
    {
        var expected = ExpectedAdminHash(config["ShopperSearch:AdminToken"]);
        if (expected is null) return Error.Forbidden("Keys.AdminDisabled", "Admin API is not configured");
        var presented = authorization is { } a && a.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? a["Bearer ".Length..].Trim() : null;
        if (string.IsNullOrEmpty(presented)) return Error.Unauthorized("Keys.AdminTokenMissing", "Admin token required: Authorization: Bearer <admin token>");
        var actual = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        return CryptographicOperations.FixedTimeEquals(actual, expected) ? null : Error.Unauthorized("Keys.AdminTokenInvalid", "Invalid admin token");
    }

    /// <summary>
    /// What the key endpoints check: a platform admin token (<c>token platform --admin</c>, always accepted) or the module's own
    /// <c>ShopperSearch:AdminToken</c>. With neither configured nor presented the answer is 401, not "admin API off".
    /// </summary>
    public static async ValueTask<Error?> CheckAdminAsync(IConfiguration config, Api.Features.Platform.PlatformAdmin admin, string? authorization)
    {
        if (await admin.IsAdminAsync(authorization)) return null;
        return CheckAdmin(config, authorization) is { Type: ErrorType.Forbidden }
            ? Error.Unauthorized("Keys.AdminTokenMissing", "Admin token required: Authorization: Bearer <platform admin token> (token platform --admin)")
            : CheckAdmin(config, authorization);
    }

    static byte[]? ExpectedAdminHash(string? setting)
    {
        var s = setting?.Trim();
        if (string.IsNullOrEmpty(s)) return null;
        if (s.StartsWith("sha256:", StringComparison.OrdinalIgnoreCase))
        {
            var hex = s["sha256:".Length..];
            if (hex.Length != 64) return null;
            try { return Convert.FromHexString(hex); } catch (FormatException) { return null; }
        }
        return s.Length >= 16 ? SHA256.HashData(Encoding.UTF8.GetBytes(s)) : null;
    }
}

/// <summary>A key as the admin endpoints list it (never the secret or its hash).</summary>
sealed class ApiKeyRow
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public string Environment { get; init; } = "";
    public string KeyPrefix { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? LastUsedAt { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
    public bool Revoked => RevokedAt is not null;
}

/// <summary>A newly issued key: shown once in this response.</summary>
sealed record IssuedKey(long Id, long MerchantId, string Name, string Environment, string KeyPrefix, DateTimeOffset CreatedAt, string Key, long? RotatedFrom);
