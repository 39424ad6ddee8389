using Api.Infrastructure.Auth;
using Api.Infrastructure.Cli;
using Api.Infrastructure.Database;
using Npgsql;

namespace Api.Infrastructure.Bench;

/// <summary>
/// <c>bench-peer-env</c>: prints what a benchmark peer written outside .NET (bench/peers/express) needs to do the same work as
/// the API on the same database: the app role's connection (not the owner: row-level security applies) and the Platform JWT
/// signing key, as <c>PEER_*=value</c> lines for the scenario to read into the peer's environment. These are secrets: the
/// bench captures them in a shell variable and never writes them to its results folder.
/// </summary>
public sealed class PeerEnvCommand : ICliCommand
{
    public string Name => "bench-peer-env";
    public string Usage => "bench-peer-env   (prints PEER_PG_* and PEER_JWT_* lines; secrets, keep them out of files)";

    public Task<int> RunAsync(IServiceProvider services, IReadOnlyDictionary<string, string> args, CancellationToken ct)
    {
        var db = services.GetRequiredService<Db>();
        var config = services.GetRequiredService<IConfiguration>();
        var app = new NpgsqlConnectionStringBuilder(db.AppConnectionString);
        var lines = new (string Name, string? Value)[]
        {
            ("PEER_PG_HOST", app.Host), ("PEER_PG_PORT", app.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("PEER_PG_DATABASE", app.Database), ("PEER_PG_USER", app.Username), ("PEER_PG_PASSWORD", app.Password),
            ("PEER_PG_POOL", app.MaxPoolSize.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("PEER_JWT_KEY", services.GetRequiredService<Secrets>().Get(Schemes.PlatformSigningKey)),
            ("PEER_JWT_ISSUER", config["Auth:Platform:Issuer"]), ("PEER_JWT_AUDIENCE", config["Auth:Platform:Audience"]),
        };
        foreach (var (name, value) in lines)
        {
            if (value is null) continue;
            if (value.Contains('\n') || value.Contains('\r')) throw new InvalidOperationException($"{name} holds a line break");
            Console.WriteLine($"{name}={value}");
        }
        return Task.FromResult(0);
    }
}

