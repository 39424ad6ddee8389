using Microsoft.Extensions.DependencyInjection;
using Api.Infrastructure.Cli;
using Api.Tests.Infrastructure;
using Npgsql;

namespace Api.Tests.Platform.Bench;

/// <summary>
/// <c>bench-peer-env</c> (the Express peer's settings for bench/scenarios/platform-read-one.sh): registered by its hosting
/// startup, it hands out the app role (not the owner, so row-level security applies to the peer) and the Platform signing key.
/// </summary>
public sealed class PeerEnvCommandTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Prints_the_app_role_connection_and_the_platform_signing_key()
    {
        _ = api.CreateClient();   // start the host: database up and migrated
        var command = api.Services.GetServices<ICliCommand>().Single(c => c.Name == "bench-peer-env");

        var output = new StringWriter();
        var stdout = Console.Out;
        Console.SetOut(output);
        int code;
        try { code = await command.RunAsync(api.Services, new Dictionary<string, string>(), CancellationToken.None); }
        finally { Console.SetOut(stdout); }

        Assert.Equal(0, code);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var owner = new NpgsqlConnectionStringBuilder(api.OwnerConnectionString);
        Assert.NotEqual(owner.Username, lines["PEER_PG_USER"]);
        Assert.Equal(owner.Database, lines["PEER_PG_DATABASE"]);
        Assert.Equal(ApiFactory.PlatformKey, lines["PEER_JWT_KEY"]);

        // the printed login works and is the non-owner app role
        var csb = new NpgsqlConnectionStringBuilder
        {
            Host = lines["PEER_PG_HOST"], Port = int.Parse(lines["PEER_PG_PORT"]), Database = lines["PEER_PG_DATABASE"],
            Username = lines["PEER_PG_USER"], Password = lines["PEER_PG_PASSWORD"], Pooling = false,
        };
        await using var conn = new NpgsqlConnection(csb.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("select rolsuper or rolbypassrls from pg_roles where rolname = current_user", conn);
        Assert.False((bool)(await cmd.ExecuteScalarAsync())!);
    }
}
