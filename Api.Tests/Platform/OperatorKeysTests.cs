using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Api.Features.Platform;
using Api.Infrastructure.Cli;
using Api.Infrastructure.Database;
using Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Api.Tests.Platform;

/// <summary>
/// Issue 18 §3: BrandInsights ingest keys and ShopperSearch merchant keys can be made, listed and revoked while the API runs,
/// through endpoints guarded by the platform admin token (<c>token platform --admin</c>), and the CLI reaches a running cluster.
/// </summary>
public sealed class OperatorKeysTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    HttpClient Admin()
    {
        var token = api.Services.GetServices<ITokenMinter>().Single(m => m.Module == "platform").Mint(new Dictionary<string, string> { ["admin"] = "true" });
        var c = api.CreateClient();
        c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return c;
    }

    static StringContent Ndjson(string text) => new(text, Encoding.UTF8, "application/x-ndjson");

    [Fact]
    public async Task Ingest_keys_are_created_listed_and_revoked_by_a_platform_admin()
    {
        var admin = Admin();
        var created = await admin.PostJson("/brand-insights/v1/admin/ingest-keys", new { name = "crawler-e2e" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Json();
        var key = (string)body["key"]!;
        var id = (long)body["id"]!;

        var crawler = api.CreateClient();
        crawler.DefaultRequestHeaders.Add("X-API-Key", key);
        var ingest = await crawler.PostAsync("/brand-insights/v1/ingest/menu-snapshots", Ndjson(""));
        Assert.NotEqual(HttpStatusCode.Unauthorized, ingest.StatusCode);

        var list = await (await admin.GetAsync("/brand-insights/v1/admin/ingest-keys")).Json();
        var row = list["keys"]!.AsArray().Single(k => (long)k!["id"]! == id)!;
        Assert.Equal("crawler-e2e", (string?)row["name"]);
        Assert.False((bool)row["revoked"]!);
        Assert.DoesNotContain(key, list.ToJsonString());

        var revoked = await admin.DeleteAsync($"/brand-insights/v1/admin/ingest-keys/{id}");
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await crawler.PostAsync("/brand-insights/v1/ingest/menu-snapshots", Ndjson(""))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync("/brand-insights/v1/admin/ingest-keys/999999999")).StatusCode);
    }

    [Fact]
    public async Task Operator_endpoints_refuse_anyone_but_a_platform_admin_in_the_modules_envelope()
    {
        var tenantToken = api.ClientFor(Guid.NewGuid());   // a valid platform token, but a tenant's, not an admin's
        foreach (var c in new[] { api.CreateClient(), tenantToken })
        {
            var bi = await c.GetAsync("/brand-insights/v1/admin/ingest-keys");
            Assert.Equal(HttpStatusCode.Unauthorized, bi.StatusCode);
            Assert.Equal("AUTH_REQUIRED", (string?)(await bi.Json())["code"]);
            var shopper = await c.GetAsync("/shopper/api/v1/merchants/12345/keys");
            Assert.Equal(HttpStatusCode.Unauthorized, shopper.StatusCode);
            Assert.NotNull((await shopper.Json())["detail"]);
        }
    }

    [Fact]
    public async Task Shopper_merchant_keys_work_with_the_platform_admin_token_and_no_module_admin_token()
    {
        var admin = Admin();
        const long merchant = 7100001;
        var created = await admin.PostJson($"/shopper/api/v1/merchants/{merchant}/keys", new { name = "server" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var keyId = (long)(await created.Json())["id"]!;
        var list = await (await admin.GetAsync($"/shopper/api/v1/merchants/{merchant}/keys")).Json();
        Assert.Contains(list["keys"]!.AsArray(), k => (long)k!["id"]! == keyId);
        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync($"/shopper/api/v1/merchants/{merchant}/keys/{keyId}")).StatusCode);
    }

    [Fact]
    public async Task An_admin_token_expires_and_needs_the_platform_signing_key()
    {
        var secrets = api.Services.GetRequiredService<Api.Infrastructure.Auth.Secrets>();
        var config = api.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>();
        var admin = new PlatformAdmin(secrets, config);
        Assert.True(await admin.IsAdminAsync("Bearer " + admin.Mint(TimeSpan.FromMinutes(1))));
        Assert.False(await admin.IsAdminAsync("Bearer " + Api.Infrastructure.Auth.JwtSchemeHandler.Mint("another-key-0123456789abcdef0123456789abcdef",
            new Dictionary<string, object> { [PlatformAdmin.Claim] = true }, TimeSpan.FromMinutes(1))));
        Assert.False(await admin.IsAdminAsync("Bearer " + ApiFactory.PlatformToken(Guid.NewGuid())));
        Assert.False(await admin.IsAdminAsync(null));
    }
}

/// <summary>The CLI's key commands connect to the cluster a running API holds instead of refusing.</summary>
public sealed class CliRunningClusterTests
{
    [Fact]
    public async Task The_ingest_key_command_uses_the_cluster_another_process_is_running()
    {
        var root = Path.Combine(Path.GetTempPath(), $"slices-cli-{Guid.NewGuid():N}");
        var dataDir = Path.Combine(root, "pg");
        Assert.Null(EmbeddedPostgres.RunningClusterConnection(dataDir));   // nobody runs it: the command would start it itself

        await using var running = await EmbeddedPostgres.StartAsync(dataDir, Environment.GetEnvironmentVariable("SLICES_PG_BIN"), fsync: false,
            NullLogger.Instance, CancellationToken.None);   // stands for the API: this process holds the data folder
        await using (var conn = new NpgsqlConnection(running.ConnectionString()))
        {
            await conn.OpenAsync();
            await using var create = new NpgsqlCommand("create database slices", conn);
            await create.ExecuteNonQueryAsync();
        }
        Assert.NotNull(EmbeddedPostgres.RunningClusterConnection(dataDir));

        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { typeof(Program).Assembly.Location, "brand-insights-ingest-key", "--name", "cli-crawler" }) psi.ArgumentList.Add(a);
        psi.Environment["Database__EmbeddedDataDir"] = dataDir;
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["Jobs__Enabled"] = "false";
        psi.Environment["Scheduler__Enabled"] = "false";
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        Assert.True(p.ExitCode == 0, $"exit {p.ExitCode}: {await stderr}\n{await stdout}");
        Assert.Contains("connecting to its cluster", await stderr);

        await using var check = new NpgsqlConnection(running.ConnectionString("slices"));
        await check.OpenAsync();
        await using var cmd = new NpgsqlCommand("select count(*) from brandinsights.ingest_keys where name = 'cli-crawler'", check);
        Assert.Equal(1L, (long)(await cmd.ExecuteScalarAsync())!);
        NpgsqlConnection.ClearAllPools();
        try { Directory.Delete(root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
