using Api.Infrastructure.Auth;
using Api.Infrastructure.Cli;
using Api.Infrastructure.Database;
using Npgsql;

namespace Api.Features.BrandInsights.Ingest.CreateIngestKey;

/// <summary>
/// <c>dotnet run --project Api -- brand-insights-ingest-key --name crawler-1</c>: creates a crawler key for
/// <c>POST /brand-insights/v1/ingest/menu-snapshots</c> and prints it once; only its SHA-256 is stored.
/// <c>--revoke &lt;id&gt;</c> revokes one.
/// </summary>
sealed class CliCommand : ICliCommand
{
    public string Name => "brand-insights-ingest-key";
    public string Usage => "--name <label> | --revoke <id>";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyDictionary<string, string> args, CancellationToken ct)
    {
        var db = services.GetRequiredService<Db>();
        if (args.TryGetValue("revoke", out var revoke))
        {
            if (!long.TryParse(revoke, out var id)) { await Console.Error.WriteLineAsync("--revoke takes a key id"); return 2; }
            await using var cmd = db.Owner.CreateCommand("update brandinsights.ingest_keys set revoked_at = now() where id = $1 and revoked_at is null");
            cmd.Parameters.Add(new NpgsqlParameter { Value = id });
            var n = await cmd.ExecuteNonQueryAsync(ct);
            Console.WriteLine(n == 1 ? $"revoked key {id}" : $"no active key {id}");
            return n == 1 ? 0 : 1;
        }
        if (!args.TryGetValue("name", out var name) || string.IsNullOrWhiteSpace(name) || name == "true")
        {
            await Console.Error.WriteLineAsync($"usage: {Name} {Usage}");
            return 2;
        }
        var (key, id2) = await CreateAsync(db, name, ct);
        Console.WriteLine($"# ingest key {id2} ({name}); shown once, send it as X-API-Key");
        Console.WriteLine(key);
        return 0;
    }

    public static async Task<(string Key, long Id)> CreateAsync(Db db, string name, CancellationToken ct)
    {
        var (key, hash) = BrandInsightsAuth.NewApiKey();
        await using var cmd = db.Owner.CreateCommand("insert into brandinsights.ingest_keys (name, key_hash) values ($1, $2) returning id");
        cmd.Parameters.Add(new NpgsqlParameter { Value = name });
        cmd.Parameters.Add(new NpgsqlParameter { Value = hash });
        return (key, (long)(await cmd.ExecuteScalarAsync(ct))!);
    }
}
