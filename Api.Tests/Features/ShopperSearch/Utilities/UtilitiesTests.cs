using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Features.ShopperSearch.Utilities;

public sealed class UtilitiesTests(ShopperApi api) : IClassFixture<ShopperApi>, IAsyncLifetime
{
    static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==");
    WebApplication? _upstream;
    string _base = "";

    public async Task InitializeAsync()
    {
        var b = WebApplication.CreateSlimBuilder();
        b.WebHost.UseUrls("http://127.0.0.1:0");
        _upstream = b.Build();
        _upstream.MapGet("/img.png", () => Results.Bytes(Png, "image/png"));
        _upstream.MapGet("/page.html", () => Results.Content("<html></html>", "text/html"));
        _upstream.MapGet("/redirect", (HttpContext ctx) => Results.Redirect("/img.png"));
        _upstream.MapGet("/loop", () => Results.Redirect("/loop"));
        _upstream.MapGet("/to-metadata", () => Results.Redirect("http://169.254.169.254/latest/meta-data/"));
        _upstream.MapGet("/huge.png", async (HttpContext ctx) =>
        {
            ctx.Response.ContentType = "image/png";
            var chunk = new byte[1024 * 1024];
            for (var i = 0; i < 11; i++) await ctx.Response.Body.WriteAsync(chunk);
        });
        await _upstream.StartAsync();
        _base = _upstream.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public async Task DisposeAsync() { if (_upstream is not null) await _upstream.DisposeAsync(); }

    [Fact]
    public async Task Proxies_an_image_and_follows_a_redirect()
    {
        var client = api.CreateClient();
        var rsp = await client.GetAsync("/shopper/api/v1/proxy-image?url=" + Uri.EscapeDataString(_base + "/img.png"));
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        Assert.Equal("image/png", rsp.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await rsp.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/shopper/api/v1/proxy-image?url=" + Uri.EscapeDataString(_base + "/redirect"))).StatusCode);
    }

    [Theory]
    [InlineData("/page.html")]
    [InlineData("/loop")]
    [InlineData("/to-metadata")]
    [InlineData("/huge.png")]
    [InlineData("/missing.png")]
    public async Task Refuses_hostile_or_broken_upstreams_with_502(string path)
    {
        var (status, body) = await api.CreateClient().Send(HttpMethod.Get, "/api/v1/proxy-image?url=" + Uri.EscapeDataString(_base + path));
        Assert.Equal(502, status);
        Assert.Equal("Failed to fetch image from source.", (string?)body["detail"]);
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://10.0.0.1/a.png")]
    [InlineData("http://192.168.1.1/a.png")]
    [InlineData("http://[::1]/a.png")]
    [InlineData("http://localhost:1/a.png")]
    public async Task Refuses_non_public_addresses_and_schemes(string url)
    {
        var (status, _) = await api.CreateClient().Send(HttpMethod.Get, "/api/v1/proxy-image?url=" + Uri.EscapeDataString(url));
        Assert.Equal(502, status);
    }

    // issue 17 §3: a url that is not absolute http(s) is the caller's mistake (400), not a failed fetch (502)
    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://example.com/a.png")]
    [InlineData("not a url")]
    [InlineData("-1")]
    public async Task Refuses_other_schemes_and_non_urls_with_400(string url)
    {
        var (status, body) = await api.CreateClient().Send(HttpMethod.Get, "/api/v1/proxy-image?url=" + Uri.EscapeDataString(url));
        Assert.Equal(400, status);
        Assert.Equal("url must be an absolute http(s) URL", (string?)body["detail"]);
    }

    [Fact]
    public async Task Missing_url_is_422_and_health_is_ok_without_a_header()
    {
        Assert.Equal(422, (await api.CreateClient().Send(HttpMethod.Get, "/api/v1/proxy-image")).Status);
        var (status, body) = await api.CreateClient().Send(HttpMethod.Get, "/health");
        Assert.Equal(200, status);
        Assert.Equal("ok", (string?)body["status"]);
    }

    [Fact]
    public async Task Cors_allow_list_admits_shopify_origins_and_refuses_others()
    {
        var ok = api.Merchant(Shopper.Demo);
        ok.DefaultRequestHeaders.Add("Origin", "https://demo-store.myshopify.com");
        var rsp = await ok.GetAsync("/shopper/api/v0/product/max-price");
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        Assert.Equal("https://demo-store.myshopify.com", rsp.Headers.GetValues("Access-Control-Allow-Origin").Single());

        var evil = api.Merchant(Shopper.Demo);
        evil.DefaultRequestHeaders.Add("Origin", "https://evil.example.net");
        var refused = await evil.GetAsync("/shopper/api/v0/product/max-price");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Preflight_from_an_allowed_origin_succeeds_and_others_are_refused()
    {
        static HttpRequestMessage Preflight(string origin, string path)
        {
            var req = new HttpRequestMessage(HttpMethod.Options, path);
            req.Headers.Add("Origin", origin);
            req.Headers.Add("Access-Control-Request-Method", "POST");
            req.Headers.Add("Access-Control-Request-Headers", "content-type, x-merchant-id");
            return req;
        }

        var client = api.CreateClient();   // a browser's preflight carries no X-Merchant-ID
        var ok = await client.SendAsync(Preflight("https://demo-store.myshopify.com", "/shopper/api/v0/product/search/text"));
        Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        Assert.Equal("https://demo-store.myshopify.com", ok.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("POST", string.Join(",", ok.Headers.GetValues("Access-Control-Allow-Methods")));
        var allowedHeaders = string.Join(",", ok.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant();
        Assert.Contains("x-merchant-id", allowedHeaders);
        Assert.Contains("content-type", allowedHeaders);

        var exact = await client.SendAsync(Preflight("https://shop.example.com", "/shopper/api/v1/user/profile"));
        Assert.Equal("https://shop.example.com", exact.Headers.GetValues("Access-Control-Allow-Origin").Single());

        foreach (var origin in new[] { "https://evil.example.net", "https://myshopify.com.evil.net", "http://demo-store.myshopify.com" })
        {
            var refused = await client.SendAsync(Preflight(origin, "/shopper/api/v0/product/search/text"));
            Assert.True((int)refused.StatusCode < 500, origin);
            Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"), origin);
            Assert.False(refused.Headers.Contains("Access-Control-Allow-Methods"), origin);
        }

        // the actual request from an allowed origin carries the policy's headers, including on an error answer
        var browser = api.CreateClient();
        browser.DefaultRequestHeaders.Add("Origin", "https://demo-store.myshopify.com");
        var missing = await browser.GetAsync("/shopper/api/v0/product/max-price");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("https://demo-store.myshopify.com", missing.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("X-Request-ID", string.Join(",", missing.Headers.GetValues("Access-Control-Expose-Headers")));
    }
}
