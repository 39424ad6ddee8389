using System.Security.Cryptography;
using System.Text;
using Api.Infrastructure.Auth;
using Api.Infrastructure.Database;
using LinqToDB.Data;
using Npgsql;

namespace Api.Features.PriceWatch.Common;

/// <summary>
/// The server-held secret behind the platform (cross-tenant, select-only) scope (db/sql/pricewatch/0003):
/// <c>PriceWatch:PlatformScopeSecret</c>, a generated development value when unset. At first use the process registers
/// sha256(secret) through the owner connection (the app role can neither read nor write the hashes); each platform
/// transaction then calls <c>pricewatch.enter_platform_scope(secret)</c>, which issues a token valid for that transaction only.
/// Registrations not renewed for 7 days are pruned, so a rotated secret stops working a week after the last process using it.
/// </summary>
sealed class PlatformScope(Db db, Secrets secrets)
{
    public const string SecretSetting = "PriceWatch:PlatformScopeSecret";
    readonly SemaphoreSlim _gate = new(1, 1);
    volatile bool _registered;

    string Secret => secrets.Get(SecretSetting);

    async Task RegisterAsync(CancellationToken ct)
    {
        if (_registered) return;
        await _gate.WaitAsync(ct);
        try
        {
            if (_registered) return;
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Secret)));
            await using var batch = db.Owner.CreateBatch();
            batch.BatchCommands.Add(new NpgsqlBatchCommand("""
                insert into pricewatch.platform_scope_keys (secret_hash) values ($1) on conflict (secret_hash) do update set last_registered_at = now()
                """) { Parameters = { new NpgsqlParameter { Value = hash } } });
            batch.BatchCommands.Add(new NpgsqlBatchCommand("delete from pricewatch.platform_scope_keys where last_registered_at < now() - interval '7 days'"));
            await batch.ExecuteNonQueryAsync(ct);
            _registered = true;
        }
        finally { _gate.Release(); }
    }

    /// <summary>Marks the current transaction of <paramref name="appDb"/> as platform scope.</summary>
    public async Task EnterAsync(AppDb appDb, CancellationToken ct)
    {
        await RegisterAsync(ct);
        await appDb.ExecuteAsync("select pricewatch.enter_platform_scope(@Secret)", new { Secret }, ct);
    }
}
