using Api.Infrastructure.Database;
using Api.Infrastructure.Demo;

namespace Api.Infrastructure.Cli;

/// <summary>Mints development credentials for one module from <c>token &lt;module&gt; --name value ...</c>.</summary>
public interface ITokenMinter
{
    string Module { get; }
    string Usage { get; }
    string Mint(IReadOnlyDictionary<string, string> args);
}

/// <summary>
/// A module's own command (<c>dotnet run --project Api -- &lt;Name&gt; ...</c>), e.g. generating a benchmark dataset.
/// It runs after the database has started and migrated, before the server would listen.
/// </summary>
public interface ICliCommand
{
    string Name { get; }
    string Usage { get; }
    Task<int> RunAsync(IServiceProvider services, IReadOnlyDictionary<string, string> args, CancellationToken ct);
}

/// <summary>
/// <c>dotnet run --project Api -- token &lt;module&gt; ...</c> prints a credential for the .http samples;
/// <c>dotnet run --project Api -- seed</c> starts the database (embedded default or configured), migrates and writes demo data.
/// </summary>
public static class Cli
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        if (args.Length == 0) return false;
        switch (args[0])
        {
            case "token":
                var minters = app.Services.GetServices<ITokenMinter>().ToList();
                var minter = args.Length > 1 ? minters.FirstOrDefault(m => m.Module == args[1]) : null;
                if (minter is null)
                {
                    await Console.Error.WriteLineAsync("usage:\n" + string.Join('\n', minters.Select(m => $"  token {m.Module} {m.Usage}")));
                    Environment.ExitCode = 2;
                    return true;
                }
                try { Console.WriteLine(minter.Mint(Options(args[2..]))); }
                catch (ArgumentException e) { await Console.Error.WriteLineAsync($"{e.Message}\nusage: token {minter.Module} {minter.Usage}"); Environment.ExitCode = 2; }
                return true;

            case "seed":
                UseRunningCluster(app);
                var startup = app.Services.GetServices<IHostedService>().OfType<DatabaseStartup>().Single();
                await startup.StartAsync(CancellationToken.None);
                try { await DemoData.SeedAsync(app.Services, CancellationToken.None); }
                finally { await startup.StopAsync(CancellationToken.None); }
                Console.WriteLine("demo data seeded");
                return true;

            case var name when app.Services.GetServices<ICliCommand>().FirstOrDefault(c => c.Name == name) is { } command:
                UseRunningCluster(app);
                var st = app.Services.GetServices<IHostedService>().OfType<DatabaseStartup>().Single();
                await st.StartAsync(CancellationToken.None);
                try { Environment.ExitCode = await command.RunAsync(app.Services, Options(args[1..]), CancellationToken.None); }
                finally { await st.StopAsync(CancellationToken.None); }
                return true;

            case "migrate":
                UseRunningCluster(app);
                var s = app.Services.GetServices<IHostedService>().OfType<DatabaseStartup>().Single();
                await s.StartAsync(CancellationToken.None);
                await s.StopAsync(CancellationToken.None);
                Console.WriteLine("migrations applied");
                return true;
        }
        return false;
    }

    /// <summary>
    /// With the embedded default, a command run while the API runs connects to the API's cluster (port from its
    /// <c>postmaster.pid</c>) instead of refusing because the data folder is taken; otherwise it starts the cluster itself.
    /// </summary>
    static void UseRunningCluster(WebApplication app)
    {
        if (!string.IsNullOrWhiteSpace(app.Configuration.GetConnectionString("Postgres"))) return;
        var dir = app.Configuration["Database:EmbeddedDataDir"] is { Length: > 0 } d ? d : new DbOptions().EmbeddedDataDir;
        if (!Path.IsPathRooted(dir)) dir = Path.Combine(app.Environment.ContentRootPath, dir);
        if (EmbeddedPostgres.RunningClusterConnection(dir) is not { } running) return;
        app.Configuration["ConnectionStrings:Postgres"] = running;
        Console.Error.WriteLine("The API is running on this embedded database; connecting to its cluster.");
    }

    static Dictionary<string, string> Options(string[] args)
    {
        var d = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
            if (args[i].StartsWith("--", StringComparison.Ordinal))
                d[args[i][2..]] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
        return d;
    }
}
