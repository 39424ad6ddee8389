using System.Net.Http.Headers;
using Api.Infrastructure.Auth;
using Api.Infrastructure.Database;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Api.Tests.Infrastructure;

/// <summary>
/// The API in-process against its own database (a clone of the migrated template). One per test class
/// (<c>IClassFixture&lt;ApiFactory&gt;</c>); tests isolate themselves further with fresh tenant ids.
/// Subclass and override <see cref="Settings"/> for different configuration.
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string PlatformKey = "test-platform-signing-key-0123456789abcdef0123456789";
    public string OwnerConnectionString { get; private set; } = "";

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>The database this host runs on; <see cref="InstanceFactory"/> shares one between several hosts.</summary>
    protected virtual Task<string> CreateDatabaseAsync() => TestCluster.CreateDatabaseAsync();
    protected virtual bool OwnsDatabase => true;

    public async Task InitializeAsync()
    {
        OwnerConnectionString = await CreateDatabaseAsync();
        _ = Services;   // start the host now, inside the fixture's lifetime
        await Services.GetRequiredService<Db>().Ready;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = OwnerConnectionString,
            [Schemes.PlatformSigningKey] = PlatformKey,
            [Api.Infrastructure.Security.SecretBox.KeySetting] = "dGVzdC1lbmNyeXB0aW9uLWtleS0zMi1ieXRlcy1sb25nIQ==",
            ["Database:MaxPoolSize"] = "20",
            ["Jobs:PollInterval"] = "00:00:00.100",
            ["Scheduler:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            // fake outside services listen on loopback; OutboundAttackTests clears this to see the guard refuse them
            ["Outbound:AllowedPrivateHosts:0"] = "127.0.0.1",
            ["Outbound:AllowedPrivateHosts:1"] = "::1",
            ["Outbound:AllowedPrivateHosts:2"] = "localhost",
        };
        foreach (var (k, v) in Settings) settings[k] = v;
        foreach (var (k, v) in settings) builder.UseSetting(k, v);
    }

    public static string PlatformToken(Guid tenant, TimeSpan? lifetime = null) =>
        JwtSchemeHandler.Mint(PlatformKey, new Dictionary<string, object> { ["tenant_id"] = tenant.ToString(), ["sub"] = "test" },
            lifetime ?? TimeSpan.FromMinutes(10));

    public HttpClient ClientFor(Guid tenant)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", PlatformToken(tenant));
        return client;
    }

    /// <summary>A raw connection as the app role (what requests use), for tests that check what SQL alone can see.</summary>
    public NpgsqlConnection AppConnection() => new(Services.GetRequiredService<Db>().AppConnectionString);
    public NpgsqlConnection OwnerConnection() => new(OwnerConnectionString);

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        if (OwnsDatabase) await TestCluster.DropDatabaseAsync(OwnerConnectionString);   // a run creates hundreds: CI disks are small
    }
}

/// <summary>One of several API instances on one database (issue 20 §3): what a deployment behind a load balancer looks like.</summary>
public class InstanceFactory(string ownerConnectionString, IDictionary<string, string?> settings) : ApiFactory
{
    protected override IDictionary<string, string?> Settings => settings;
    protected override Task<string> CreateDatabaseAsync() => Task.FromResult(ownerConnectionString);
    protected override bool OwnsDatabase => false;
}
