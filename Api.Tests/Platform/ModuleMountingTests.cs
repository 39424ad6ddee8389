using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Api.Tests.Infrastructure;

namespace Api.Tests.Platform;

/// <summary>
/// Base paths and on/off switches are read once at start-up, so this runs the built API as its own process
/// (as a deployment would) with different module configuration.
/// </summary>
public sealed class ModuleMountingTests
{
    [Fact]
    public async Task Base_paths_come_from_configuration_and_disabled_modules_are_not_mounted()
    {
        var db = await TestCluster.CreateDatabaseAsync();
        var port = FreePort();
        var psi = new ProcessStartInfo("dotnet", [typeof(Program).Assembly.Location, "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(typeof(Program).Assembly.Location)!,
            Environment =
            {
                ["ConnectionStrings__Postgres"] = db,
                ["Modules__platform__BasePath"] = "/tenant-api",
                ["Modules__wholesale__Enabled"] = "false",
                ["Auth__Platform__SigningKey"] = ApiFactory.PlatformKey,
                ["Jobs__Enabled"] = "false",
                ["Scheduler__Enabled"] = "false",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
            },
        };
        using var api = Process.Start(psi)!;
        _ = api.StandardOutput.ReadToEndAsync();
        _ = api.StandardError.ReadToEndAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            for (var i = 0; i < 100; i++)
            {
                try { if ((await client.GetAsync("/readyz")).IsSuccessStatusCode) break; } catch (HttpRequestException) { }
                Assert.False(api.HasExited, "the API process exited during start-up");
                await Task.Delay(200);
            }
            client.DefaultRequestHeaders.Authorization = new("Bearer", ApiFactory.PlatformToken(Guid.NewGuid()));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/tenant-api/v1/settings")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/platform/v1/settings")).StatusCode);
            var doc = await (await client.GetAsync("/openapi/platform.json")).Json();
            Assert.Contains("/tenant-api/v1/settings", doc["paths"]!.AsObject().Select(p => p.Key));
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/openapi/wholesale.json")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/_test_url_cache_")).StatusCode);   // blocked outside tests
        }
        finally
        {
            api.Kill(entireProcessTree: true);
            await api.WaitForExitAsync();
        }
    }

    static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
