using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Api.Infrastructure.Modules;
using Api.Tests.Infrastructure;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Api.Tests.Platform;

/// <summary>The API with a per-module allow-list: any localhost port and the subdomains of example.org, for every module.</summary>
public sealed class CorsApi : ApiFactory
{
    protected override IDictionary<string, string?> Settings => Modules.All.SelectMany(m => new[]
    {
        new KeyValuePair<string, string?>($"Modules:{m.Key}:Cors:AllowedOrigins:0", "http://localhost:*"),
        new KeyValuePair<string, string?>($"Modules:{m.Key}:Cors:AllowedOrigins:1", "https://*.example.org"),
    }).ToDictionary();
}

/// <summary>Issue 18 §1: each module answers browsers from its own allow-list, in its own envelope.</summary>
public sealed class ModuleCorsTests(CorsApi api) : IClassFixture<CorsApi>
{
    public static TheoryData<string> BasePaths => new(Modules.All.Select(m => m.DefaultBasePath));

    static HttpRequestMessage Preflight(string path, string origin, string method = "DELETE")
    {
        var req = new HttpRequestMessage(HttpMethod.Options, path);
        req.Headers.Add("Origin", origin);
        req.Headers.Add("Access-Control-Request-Method", method);
        req.Headers.Add("Access-Control-Request-Headers", "authorization, x-merchant-id, x-api-key, content-type, x-request-id");
        return req;
    }

    [Theory]
    [MemberData(nameof(BasePaths))]
    public async Task Preflights_allow_every_documented_method_and_header(string basePath)
    {
        var rsp = await api.CreateClient().SendAsync(Preflight(basePath + "/some/documented/path", "http://localhost:5173"));
        Assert.Equal(HttpStatusCode.NoContent, rsp.StatusCode);
        Assert.Equal("http://localhost:5173", rsp.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var methods = string.Join(",", rsp.Headers.GetValues("Access-Control-Allow-Methods"));
        foreach (var m in new[] { "GET", "POST", "PUT", "PATCH", "DELETE" }) Assert.Contains(m, methods);
        var headers = string.Join(",", rsp.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant();
        foreach (var h in new[] { "authorization", "x-merchant-id", "x-api-key", "content-type", "x-request-id" }) Assert.Contains(h, headers);
        // cookies only where a module uses them: Wholesale
        Assert.Equal(basePath == "/wholesale", rsp.Headers.TryGetValues("Access-Control-Allow-Credentials", out var c) && c.Single() == "true");
    }

    [Theory]
    [InlineData("/pricewatch/api/alerts", "detail")]
    [InlineData("/shopper/api/v0/product/max-price", "detail")]
    [InlineData("/adpriority/api/products", "error")]
    [InlineData("/brand-insights/v1/brands/cb_12345/dashboard/summary", "code")]
    [InlineData("/wholesale/api/products", "success")]
    [InlineData("/platform/v1/settings", "title")]
    public async Task A_refused_origin_gets_the_modules_envelope(string path, string envelopeField)
    {
        foreach (var origin in new[] { "https://evil.example.net", "https://example.org", "http://localhost.evil.net:80", "null" })
        {
            var rsp = await api.CreateClient().SendAsync(Preflight(path, origin));
            Assert.Equal(HttpStatusCode.Forbidden, rsp.StatusCode);
            Assert.False(rsp.Headers.Contains("Access-Control-Allow-Origin"), origin);
            var body = await rsp.Json();
            Assert.NotNull(body[envelopeField]);
            Assert.Contains("Origin not allowed", body.ToJsonString());
        }
    }

    [Fact]
    public async Task Actual_requests_from_an_allowed_origin_expose_the_request_id_and_rate_limit_headers()
    {
        var client = api.ClientFor(Guid.NewGuid());
        client.DefaultRequestHeaders.Add("Origin", "https://shop.example.org");
        var rsp = await client.GetAsync("/platform/v1/settings");
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        Assert.Equal("https://shop.example.org", rsp.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var exposed = string.Join(",", rsp.Headers.GetValues("Access-Control-Expose-Headers"));
        foreach (var h in new[] { "X-Request-ID", "Retry-After", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset" }) Assert.Contains(h, exposed);
        Assert.True(rsp.Headers.Contains("X-RateLimit-Limit"));
    }

    [Fact]
    public async Task A_GET_with_a_JSON_content_type_and_no_body_is_served_normally()
    {
        var client = api.ClientFor(Guid.NewGuid());
        var req = new HttpRequestMessage(HttpMethod.Get, "/platform/v1/settings?limit=5") { Content = new StringContent("", Encoding.UTF8) };
        req.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var rsp = await client.SendAsync(req);
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);

        var bi = api.CreateClient();
        bi.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");
        var biReq = new HttpRequestMessage(HttpMethod.Get, "/brand-insights/v1/brands/cb_12345/dashboard/summary") { Content = new StringContent("", Encoding.UTF8) };
        biReq.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        Assert.Equal(HttpStatusCode.Unauthorized, (await bi.SendAsync(biReq)).StatusCode);   // auth decides, not a 422 for the empty body
    }

    static IHostEnvironment Env(string name) => new HostingEnvironment { EnvironmentName = name };

    [Fact]
    public void Defaults_are_localhost_in_Development_plus_each_modules_documented_embedders()
    {
        var none = new ConfigurationBuilder().Build();
        foreach (var m in Modules.All)
        {
            Assert.Contains("http://localhost:*", ModuleCors.AllowedOrigins(m, none, Env("Development")));
            Assert.Contains("http://127.0.0.1:*", ModuleCors.AllowedOrigins(m, none, Env("Development")));
            Assert.DoesNotContain("http://localhost:*", ModuleCors.AllowedOrigins(m, none, Env("Production")));
        }
        var shopper = ModuleCors.AllowedOrigins(Modules.ShopperSearch, none, Env("Production"));
        Assert.True(ModuleCors.IsAllowed(shopper, "https://demo-store.myshopify.com"));
        Assert.True(ModuleCors.IsAllowed(shopper, "https://admin.shopify.com"));
        Assert.Empty(ModuleCors.AllowedOrigins(Modules.PriceWatch, none, Env("Production")));

        var app = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AdPriority:AppUrl"] = "https://app.adpriority.test/" }).Build();
        var adpriority = ModuleCors.AllowedOrigins(Modules.AdPriority, app, Env("Production"));
        Assert.True(ModuleCors.IsAllowed(adpriority, "https://admin.shopify.com"));
        Assert.True(ModuleCors.IsAllowed(adpriority, "https://app.adpriority.test"));
        Assert.False(ModuleCors.IsAllowed(adpriority, "https://demo-store.myshopify.com"));
    }

    [Theory]
    [InlineData("http://localhost:5173", true)]
    [InlineData("http://localhost", true)]
    [InlineData("https://localhost:5173", false)]
    [InlineData("http://localhost.evil.net:5173", false)]
    [InlineData("https://a.b.example.org", true)]
    [InlineData("https://example.org", false)]
    [InlineData("https://evilexample.org", false)]
    [InlineData("http://a.example.org", false)]
    [InlineData("null", false)]
    public void Wildcards_cover_any_port_or_any_subdomain(string origin, bool allowed) =>
        Assert.Equal(allowed, ModuleCors.IsAllowed(["http://localhost:*", "https://*.example.org"], origin));

    [Fact]
    public void Console_logs_are_lines_in_Development_and_JSON_elsewhere()
    {
        static string Formatter(string env)
        {
            var services = new ServiceCollection();
            services.AddLogging(b => Api.Infrastructure.Platform.AddSlicesLogging(b, Env(env)));
            using var sp = services.BuildServiceProvider();
            return sp.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName!;
        }
        Assert.Equal(ConsoleFormatterNames.Simple, Formatter("Development"));
        Assert.Equal(ConsoleFormatterNames.Json, Formatter("Production"));
    }
}
