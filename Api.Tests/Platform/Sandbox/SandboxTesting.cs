using System.Net;
using System.Net.Sockets;
using Api.Infrastructure.Integrations.Sandbox;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Platform.Sandbox;

/// <summary>
/// The sandbox as a new user gets it (the API's own <see cref="SandboxHost"/> on a second listener), in a test host: a free
/// loopback port for <c>Sandbox:Url</c>, and the sandbox's deliveries (webhooks) routed into the in-process test server.
/// </summary>
public static class SandboxTesting
{
    public static string FreeUrl()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return $"http://127.0.0.1:{port}";
    }

    public static Dictionary<string, string?> Settings(string url) => new()
    {
        ["Sandbox:Enabled"] = "true", ["Sandbox:Url"] = url, ["Sandbox:AppUrl"] = "http://localhost",
        ["Integrations:WebFetch:MinDelayMs"] = "0",
    };

    public static void RouteDeliveries(IWebHostBuilder builder, WebApplicationFactory<Program> api) =>
        builder.ConfigureTestServices(s => s.AddHttpClient(SandboxDelivery.ClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new TestServerHandler(() => api.Server.CreateHandler())));

    /// <summary>A plain client for the sandbox's own pages and script endpoints (a real socket, like a browser or curl).</summary>
    public static HttpClient Browser() => new(new HttpClientHandler { AllowAutoRedirect = false });

    sealed class TestServerHandler(Func<HttpMessageHandler> inner) : HttpMessageHandler
    {
        readonly Lazy<HttpMessageInvoker> _invoker = new(() => new HttpMessageInvoker(inner()));
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct) => _invoker.Value.SendAsync(request, ct);
    }
}
