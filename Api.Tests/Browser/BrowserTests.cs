using System.Net;
using System.Text.Json;
using Api.Infrastructure.Cli;
using Api.Infrastructure.Demo;
using Api.Infrastructure.Modules;
using Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Api.Tests.Browser;

/// <summary>
/// The API on a real loopback port (Kestrel, not the in-memory test server: a browser needs a socket), every module allowing
/// <c>http://localhost:*</c> and nothing else.
/// </summary>
public sealed class BrowserApi : ApiFactory
{
    public BrowserApi() => UseKestrel(o => o.Listen(IPAddress.Loopback, 0));

    protected override IDictionary<string, string?> Settings =>
        Modules.All.ToDictionary(m => $"Modules:{m.Key}:Cors:AllowedOrigins:0", _ => (string?)"http://localhost:*");

    public string BaseUrl => Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

    public string Token(string module, params string[] args)
    {
        var d = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2) d[args[i]] = args[i + 1];
        return Services.GetServices<ITokenMinter>().Single(m => m.Module == module).Mint(d);
    }
}

/// <summary>
/// Issue 18 §1: headless Chromium (Debian's package, found by <c>scripts/ensure-chromium.sh</c> / <c>CHROMIUM_PATH</c>) loads a
/// page from another origin and calls one authenticated endpoint of each module with <c>fetch</c>, reading the body and the
/// exposed headers; the same calls from an origin that is not on the list are refused by the browser.
/// </summary>
public sealed class BrowserTests(BrowserApi api) : IClassFixture<BrowserApi>, IAsyncLifetime
{
    WebApplication? _pages;
    int _pagePort;

    public async Task InitializeAsync()
    {
        var b = WebApplication.CreateSlimBuilder();
        b.WebHost.UseUrls("http://127.0.0.1:0");
        b.Logging.ClearProviders();
        _pages = b.Build();
        _pages.MapGet("/", () => Results.Content("<!doctype html><html><head><title>storefront</title></head><body>frontend</body></html>", "text/html"));
        await _pages.StartAsync();
        _pagePort = new Uri(_pages.Urls.First()).Port;
    }

    public async Task DisposeAsync() { if (_pages is not null) await _pages.DisposeAsync(); }

    static string Chromium()
    {
        foreach (var c in new[] { Environment.GetEnvironmentVariable("CHROMIUM_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser" })
            if (!string.IsNullOrEmpty(c) && File.Exists(c)) return c;
        throw new InvalidOperationException("No Chromium found: run scripts/ensure-chromium.sh (scripts/test.sh does) or set CHROMIUM_PATH.");
    }

    const string Call = """
        async ([url, headers, credentials]) => {
          try {
            const r = await fetch(url, { headers, credentials, mode: 'cors' });
            return { status: r.status, body: await r.text(), requestId: r.headers.get('X-Request-ID'),
                     limit: r.headers.get('X-RateLimit-Limit'), remaining: r.headers.get('X-RateLimit-Remaining'), error: null };
          } catch (e) { return { status: 0, body: null, requestId: null, limit: null, remaining: null, error: String(e) }; }
        }
        """;

    async Task<string> WholesaleAdminTokenAsync()
    {
        var jti = Guid.NewGuid();
        var expires = DateTime.UtcNow.AddHours(1);
        var id = await Features.Wholesale.WsKit.Scalar<long>(api, "select id from wholesale.staff_users where username = 'admin'");
        await Features.Wholesale.WsKit.Exec(api, "insert into wholesale.staff_tokens (jti, staff_id, expires_at) values ($1, $2, $3)", jti, id, expires);
        var key = api.Services.GetRequiredService<Api.Infrastructure.Auth.Secrets>().Get(Api.Infrastructure.Auth.WholesaleAuth.SigningKeySetting);
        return Api.Infrastructure.Auth.WholesaleAuth.MintStaffToken(key, id, jti, expires);
    }

    sealed class Result
    {
        public int Status { get; set; }
        public string? Body { get; set; }
        public string? RequestId { get; set; }
        public string? Limit { get; set; }
        public string? Remaining { get; set; }
        public string? Error { get; set; }
    }

    [Fact]
    public async Task A_page_from_an_allowed_origin_calls_every_module_and_a_page_from_another_origin_is_refused()
    {
        await DemoData.SeedAsync(api.Services, CancellationToken.None);
        var apiBase = api.BaseUrl;
        var calls = new (string Module, string Path, Dictionary<string, string> Headers, string Credentials, int Status)[]
        {
            ("pricewatch", "/pricewatch/api/team/me", new() { ["Authorization"] = "Bearer " + api.Token("pricewatch", "user", "owner@acme.demo") }, "omit", 200),
            ("shopper", "/shopper/api/v0/product/max-price", new() { ["X-Merchant-ID"] = "12345" }, "omit", 200),
            ("adpriority", "/adpriority/auth/session", new() { ["Authorization"] = "Bearer " + api.Token("adpriority", "shop", "demo-shop.myshopify.com") }, "omit", 200),
            ("brand-insights", "/brand-insights/v1/brands/cb_12345/dashboard/summary",
                new() { ["Authorization"] = "Bearer " + api.Token("brand-insights", "brand", "cb_12345") }, "omit", 200),
            ("platform", "/platform/v1/settings", new()
            {
                ["Authorization"] = "Bearer " + api.Token("platform", "tenant", "6f1f7a52-3d5c-4b8e-9a57-1c0de5eed001"),
                ["Content-Type"] = "application/json", ["X-Request-ID"] = "3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
            }, "omit", 200),
            // Wholesale: the demo admin's staff token (what /api/staff/login returns); its policy also allows credentials (the session cookie)
            ("wholesale", "/wholesale/api/staff/me", new() { ["Authorization"] = "Bearer " + await WholesaleAdminTokenAsync() }, "include", 200),
        };

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium(), Headless = true, Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });

        var allowed = await browser.NewPageAsync();
        await allowed.GotoAsync($"http://localhost:{_pagePort}/");
        foreach (var (module, path, headers, credentials, status) in calls)
        {
            var r = await allowed.EvaluateAsync<Result>(Call, new object[] { apiBase + path, headers, credentials });
            Assert.True(r.Error is null, $"{module}: {r.Error}");
            Assert.True(status == r.Status, $"{module}: {r.Status} {r.Body}");
            Assert.False(string.IsNullOrEmpty(r.RequestId), $"{module}: X-Request-ID not readable");
            using var body = JsonDocument.Parse(r.Body!);   // the body is readable JSON
            if (module == "wholesale") Assert.Equal("admin", body.RootElement.GetProperty("staff").GetProperty("username").GetString());
            if (module == "platform")
            {
                Assert.Equal("3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f", r.RequestId);   // the page's own id, sent and read back
                Assert.False(string.IsNullOrEmpty(r.Limit), "platform: X-RateLimit-Limit not readable");
                Assert.False(string.IsNullOrEmpty(r.Remaining), "platform: X-RateLimit-Remaining not readable");
            }
        }

        // 127.0.0.1 is another origin than localhost, and no module allows it: the preflight is refused, fetch fails
        var refused = await browser.NewPageAsync();
        await refused.GotoAsync($"http://127.0.0.1:{_pagePort}/");
        foreach (var (module, path, headers, credentials, _) in calls.Where(c => c.Headers.Count > 0))
        {
            var r = await refused.EvaluateAsync<Result>(Call, new object[] { apiBase + path, headers, credentials });
            Assert.True(r.Status == 0 && r.Error is not null, $"{module}: a disallowed origin read {r.Status} {r.Body}");
        }
    }
}
