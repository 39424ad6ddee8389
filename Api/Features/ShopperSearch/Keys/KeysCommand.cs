using System.Globalization;
using Api.Infrastructure.Cli;
using Api.Infrastructure.Database;
using Api.Features.ShopperSearch.Common;
using Npgsql;

namespace Api.Features.ShopperSearch.Keys;

/// <summary>
/// <c>dotnet run --project Api -- shopper-keys --create|--list|--rotate|--revoke --merchant N [--env test|live] [--name x] [--id K]</c>
/// (the platform CLI passes only <c>--options</c> to commands, so the action is a flag).
/// A new key is printed once; only its SHA-256 hash and a short prefix are stored. Rotating revokes the old key and prints a new one.
/// </summary>
sealed class KeysCommand : ICliCommand
{
    public string Name => "shopper-keys";
    public string Usage => "--create|--list|--rotate|--revoke --merchant <id> [--env test|live] [--name <label>] [--id <key id>]";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyDictionary<string, string> args, CancellationToken ct)
    {
        var action = args.Keys.FirstOrDefault(k => k is "create" or "list" or "rotate" or "revoke");
        if (action is null || !args.TryGetValue("merchant", out var m) || !long.TryParse(m, out var merchant) || merchant <= 0)
        { await Console.Error.WriteLineAsync($"usage: shopper-keys {Usage}"); return 2; }
        var db = services.GetRequiredService<Db>();
        await using var conn = await db.App.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await Exec(conn, tx, "select set_config('app.tenant_id', $1, true)", ct, merchant.ToString(CultureInfo.InvariantCulture));
        switch (action)
        {
            case "list":
                await using (var cmd = new NpgsqlCommand("select id, name, environment, key_prefix, created_at, last_used_at, revoked_at from shopper.api_keys where merchant_id = $1 order by id", conn, tx))
                {
                    cmd.Parameters.Add(new NpgsqlParameter { Value = merchant });
                    await using var r = await cmd.ExecuteReaderAsync(ct);
                    while (await r.ReadAsync(ct))
                        Console.WriteLine($"{r.GetInt64(0)}\t{r.GetString(1)}\t{r.GetString(2)}\t{r.GetString(3)}…\tcreated {r.GetDateTime(4):O}\tlast used {(r.IsDBNull(5) ? "never" : r.GetDateTime(5).ToString("O"))}\t{(r.IsDBNull(6) ? "active" : "revoked")}");
                }
                break;
            case "revoke" or "rotate":
                if (!args.TryGetValue("id", out var idText) || !long.TryParse(idText, out var id)) { await Console.Error.WriteLineAsync("--id is required"); return 2; }
                var env = await Scalar(conn, tx, "update shopper.api_keys set revoked_at = now() where merchant_id = $1 and id = $2 and revoked_at is null returning environment", ct, merchant, id);
                if (env is null) { await Console.Error.WriteLineAsync($"no active key {id} for merchant {merchant}"); return 1; }
                if (action == "rotate") await CreateAsync(conn, tx, merchant, env, args.GetValueOrDefault("name") ?? $"rotated from {id}", ct);
                else Console.WriteLine($"revoked key {id}");
                break;
            default:
                var environment = args.GetValueOrDefault("env") ?? "test";
                if (environment is not ("test" or "live")) { await Console.Error.WriteLineAsync("--env must be test or live"); return 2; }
                await CreateAsync(conn, tx, merchant, environment, args.GetValueOrDefault("name") ?? "default", ct);
                break;
        }
        await tx.CommitAsync(ct);
        return 0;
    }

    static async Task CreateAsync(NpgsqlConnection conn, NpgsqlTransaction tx, long merchant, string env, string name, CancellationToken ct)
    {
        var key = ApiKeys.Generate(env);
        var id = await ApiKeys.InsertAsync(conn, tx, merchant, env, name, key, ct);
        Console.WriteLine($"key {id} for merchant {merchant} ({env}); shown once, store it now:");
        Console.WriteLine(key.Key);
    }

    static async Task Exec(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, CancellationToken ct, params object[] args)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        foreach (var a in args) cmd.Parameters.Add(new NpgsqlParameter { Value = a });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    static async Task<string?> Scalar(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, CancellationToken ct, params object[] args)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        foreach (var a in args) cmd.Parameters.Add(new NpgsqlParameter { Value = a });
        return (await cmd.ExecuteScalarAsync(ct)) as string;
    }
}
