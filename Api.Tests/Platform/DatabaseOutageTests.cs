using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Api.Infrastructure.Auth;
using Api.Tests.Features.PriceWatch;
using Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Xunit.Abstractions;

namespace Api.Tests.Platform;

/// <summary>The API reaching its database through a <see cref="TcpProxy"/> the test can stop and start; logs captured.</summary>
public sealed class OutageFactory : PriceWatchFactory
{
    public TcpProxy? Proxy { get; private set; }
    public ConcurrentQueue<(LogLevel Level, string Category, string Message)> Logs { get; } = new();

    protected override IDictionary<string, string?> More => new Dictionary<string, string?>
    {
        [BrandInsightsAuth.SigningKeySetting] = ClaimsFactory.BrandKey,
        ["Jobs:Enabled"] = "false",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        var target = new NpgsqlConnectionStringBuilder(OwnerConnectionString);
        Proxy ??= new TcpProxy(target.Host!, target.Port);
        Proxy.Start();
        builder.UseSetting("ConnectionStrings:Postgres", new NpgsqlConnectionStringBuilder(OwnerConnectionString) { Host = "127.0.0.1", Port = Proxy.Port, Timeout = 3 }.ConnectionString);
        builder.ConfigureLogging(l => l.AddProvider(new CaptureProvider(Logs)));
    }

    sealed class CaptureProvider(ConcurrentQueue<(LogLevel, string, string)> sink) : ILoggerProvider
    {
        public ILogger CreateLogger(string category) => new Capture(sink, category);
        public void Dispose() { }
    }

    sealed class Capture(ConcurrentQueue<(LogLevel, string, string)> sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel level) => level >= LogLevel.Warning;
        public void Log<TState>(LogLevel level, EventId id, TState state, Exception? e, Func<TState, Exception?, string> format)
        {
            if (IsEnabled(level)) sink.Enqueue((level, category, format(state, e)));
        }
    }
}

/// <summary>
/// Issue 17 §5: while PostgreSQL is unreachable every request answers 503 in its module's envelope with Retry-After, /readyz
/// answers 503, one warning is logged for the outage (none per request) and one when it ends; it recovers without a restart.
/// </summary>
public sealed class DatabaseOutageTests(OutageFactory api, ITestOutputHelper output) : IClassFixture<OutageFactory>
{
    [Fact]
    public async Task Requests_answer_503_in_the_envelope_during_an_outage_and_recover_without_restart()
    {
        var pw = await PwTenant.CreateAsync(api);
        var platform = api.ClientFor(Guid.NewGuid());
        var brand = api.CreateClient();
        brand.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BrandInsightsAuth.MintToken(ClaimsFactory.BrandKey, "acme", TimeSpan.FromMinutes(5)));
        var shopper = api.CreateClient();
        shopper.DefaultRequestHeaders.Add("X-Merchant-ID", "12345");
        var probes = new (HttpClient Client, string Path)[]
        {
            (platform, "/platform/v1/settings"),
            (pw.Client(), "/pricewatch/api/competitors"),
            (brand, "/brand-insights/v1/brands/acme/dashboard/summary"),
            (shopper, "/shopper/api/v0/product/max-price"),
        };
        Assert.Equal(HttpStatusCode.OK, (await platform.GetAsync("/platform/v1/settings")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.CreateClient().GetAsync("/readyz")).StatusCode);

        api.Proxy!.Stop();
        var outageStart = api.Logs.Count;
        for (var round = 0; round < 5; round++)
            foreach (var (client, path) in probes)
            {
                var rsp = await client.GetAsync(path);
                Assert.True(rsp.StatusCode == HttpStatusCode.ServiceUnavailable, $"{path}: {(int)rsp.StatusCode} {await rsp.Content.ReadAsStringAsync()}");
                Assert.True(rsp.Headers.RetryAfter is not null, $"{path}: no Retry-After");
                await Envelopes.AssertAsync(rsp, path);
            }
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await api.CreateClient().GetAsync("/readyz")).StatusCode);

        var during = api.Logs.Skip(outageStart).ToList();
        Assert.DoesNotContain(during, l => l.Level >= LogLevel.Error && (l.Category.Contains("ErrorMiddleware") || l.Category.StartsWith("Microsoft.AspNetCore")));
        Assert.Single(during, l => l.Message.StartsWith("Database unreachable"));

        api.Proxy.Start();
        var back = Stopwatch.StartNew();
        HttpStatusCode status;
        do
        {
            await Task.Delay(50);
            status = (await platform.GetAsync("/platform/v1/settings")).StatusCode;
        } while (status != HttpStatusCode.OK && back.Elapsed < TimeSpan.FromSeconds(15));
        Assert.Equal(HttpStatusCode.OK, status);
        output.WriteLine($"recovered {back.Elapsed.TotalSeconds:F2} s after the database came back");
        foreach (var (client, path) in probes)
            Assert.NotEqual(HttpStatusCode.ServiceUnavailable, (await client.GetAsync(path)).StatusCode);
        for (var i = 0; i < 40 && !api.Logs.Any(l => l.Message.StartsWith("Database reachable again")); i++) await Task.Delay(100);
        Assert.Single(api.Logs, l => l.Message.StartsWith("Database reachable again"));
        Assert.Equal(HttpStatusCode.OK, (await api.CreateClient().GetAsync("/readyz")).StatusCode);
    }
}
