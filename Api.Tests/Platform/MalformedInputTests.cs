using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Api.Tests.Features.PriceWatch;
using Api.Tests.Infrastructure;

namespace Api.Tests.Platform;

/// <summary>What every module's error bodies look like (spec/README.md): used by the malformed-input and fuzz tests.</summary>
public static class Envelopes
{
    public static string ModuleOf(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() switch
    {
        "pricewatch" => "pricewatch", "shopper" => "shopper", "adpriority" => "adpriority", "brand-insights" => "brand-insights",
        "platform" => "platform", "wholesale" => "wholesale", var other => other ?? "",
    };

    /// <summary>Null when <paramref name="text"/> is the module's error envelope, else what is wrong.</summary>
    public static string? Problem(string module, string? contentType, string text)
    {
        JsonNode? body;
        try { body = JsonNode.Parse(text); } catch (System.Text.Json.JsonException) { return $"not JSON: {Clip(text)}"; }
        if (body is not JsonObject o) return $"not an object: {Clip(text)}";
        return module switch
        {
            "pricewatch" or "shopper" => o["detail"] is not null ? null : $"no detail: {Clip(text)}",
            "adpriority" => o["error"]?["code"] is JsonValue && o["error"]?["message"] is JsonValue ? null : $"no error.code/message: {Clip(text)}",
            "brand-insights" => o["error"] is JsonValue && o["code"] is JsonValue && o["message"] is JsonValue ? null : $"no error/code/message: {Clip(text)}",
            "platform" => contentType == "application/problem+json" && o["status"] is JsonValue && o["title"] is JsonValue ? null : $"no problem details: {contentType} {Clip(text)}",
            "wholesale" => o["success"] is JsonValue s && s.GetValue<bool>() == false && o["error"] is not null ? null : $"no success:false: {Clip(text)}",
            _ => null,
        };
    }

    public static async Task AssertAsync(HttpResponseMessage rsp, string path)
    {
        var text = await rsp.Content.ReadAsStringAsync();
        var problem = Problem(ModuleOf(path), rsp.Content.Headers.ContentType?.MediaType, text);
        Assert.True(problem is null, $"{(int)rsp.StatusCode} {path}: {problem}");
    }

    static string Clip(string s) => s.Length > 200 ? s[..200] : s;
}

/// <summary>Issue 17 §3: each cause of a 500 or of a body outside the envelope, on every module.</summary>
public sealed class MalformedInputTests(ClaimsFactory api) : IClassFixture<ClaimsFactory>
{
    /// <summary>A JSON route per module with a valid credential: (path, method, client).</summary>
    async Task<List<(string Path, HttpMethod Method, HttpClient Client)>> RoutesAsync()
    {
        var pw = await PwTenant.CreateAsync(api);
        var shopper = api.CreateClient();
        shopper.DefaultRequestHeaders.Add("X-Merchant-ID", "424242");
        shopper.DefaultRequestHeaders.Add("Origin", "https://shop.example.com");
        var (_, shop) = await InstallShopAsync();
        var ad = api.CreateClient();
        ad.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            Api.Infrastructure.Auth.AdPriorityAuth.MintSessionToken(ClaimsFactory.ShopifySecret, ClaimsFactory.ShopifyKey, shop, TimeSpan.FromMinutes(5)));
        return
        [
            ("/pricewatch/api/competitors", HttpMethod.Post, pw.Client()),
            ("/pricewatch/api/profile", HttpMethod.Put, pw.Client()),
            ("/shopper/api/v1/user/profile", HttpMethod.Post, shopper),
            ("/adpriority/api/rules", HttpMethod.Post, ad),
            ("/platform/v1/settings/fuzz.key", HttpMethod.Put, api.ClientFor(Guid.NewGuid())),
        ];
    }

    async Task<(Guid, string)> InstallShopAsync()
    {
        var id = Guid.NewGuid();
        var shop = $"shop-{id.ToString("N")[..12]}.myshopify.com";
        await using var conn = api.OwnerConnection();
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand(
            $"select set_config('app.tenant_id', '{id}', false); insert into adpriority.tenants (id, shop_domain, plan_tier, status, timezone) values ('{id}', '{shop}', 'growth', 'active', 'UTC')", conn);
        await cmd.ExecuteNonQueryAsync();
        return (id, shop);
    }

    static async Task<HttpResponseMessage> Send(HttpClient c, HttpMethod method, string path, string body, string contentType = "application/json")
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return await c.SendAsync(new HttpRequestMessage(method, path) { Content = content });
    }

    /// <summary>A body the route would otherwise accept, with <paramref name="text"/> as raw JSON in one string field.</summary>
    static string BodyWith(string path, string rawString) => path switch
    {
        _ when path.StartsWith("/pricewatch/api/competitors") => $$"""{"name": {{rawString}}, "url": "https://rival.example"}""",
        _ when path.StartsWith("/pricewatch/api/profile") => $$"""{"industry": "packaging", "notes": {{rawString}}}""",
        _ when path.StartsWith("/shopper") => $$"""{"user_name": {{rawString}}, "first_name": "A", "last_name": "B", "email_id": "nul@example.com"}""",
        _ when path.StartsWith("/adpriority") => $$"""{"productTypePattern": {{rawString}}, "basePriority": 3}""",
        _ => "{\"value\": {\"note\": " + rawString + "}}",
    };

    [Fact]
    public async Task A_nonsense_charset_is_415_in_the_envelope()
    {
        foreach (var (path, method, c) in await RoutesAsync())
        {
            var rsp = await Send(c, method, path, BodyWith(path, "\"x\""), "application/json; charset=nonsense");
            Assert.True(rsp.StatusCode is HttpStatusCode.UnsupportedMediaType or HttpStatusCode.BadRequest, $"{path}: {(int)rsp.StatusCode}");
            await Envelopes.AssertAsync(rsp, path);
        }
    }

    [Fact]
    public async Task A_nul_character_is_400_naming_the_field()
    {
        foreach (var (path, method, c) in await RoutesAsync())
        {
            var rsp = await Send(c, method, path, BodyWith(path, "\"a\\u0000b\""));
            Assert.True(rsp.StatusCode == HttpStatusCode.BadRequest, $"{path}: {(int)rsp.StatusCode} {await rsp.Content.ReadAsStringAsync()}");
            await Envelopes.AssertAsync(rsp, path);
            var text = await rsp.Content.ReadAsStringAsync();
            Assert.True(text.Contains("name") || text.Contains("notes") || text.Contains("user_name") || text.Contains("productTypePattern") || text.Contains("value.note"), text);
        }
    }

    [Fact]
    public async Task A_nul_in_the_query_string_is_400()
    {
        var pw = await PwTenant.CreateAsync(api);
        var rsp = await pw.Client().GetAsync("/pricewatch/api/alerts/history?competitor_id=a%00b");
        Assert.Equal(HttpStatusCode.BadRequest, rsp.StatusCode);
        await Envelopes.AssertAsync(rsp, "/pricewatch");
    }

    [Fact]
    public async Task A_lone_surrogate_is_400()
    {
        foreach (var (path, method, c) in await RoutesAsync())
        {
            var rsp = await Send(c, method, path, BodyWith(path, "\"a\\ud800b\""));
            Assert.True(rsp.StatusCode == HttpStatusCode.BadRequest, $"{path}: {(int)rsp.StatusCode}");
            await Envelopes.AssertAsync(rsp, path);
        }
    }

    [Fact]
    public async Task Values_jsonb_refuses_are_400()
    {
        var c = api.ClientFor(Guid.NewGuid());
        foreach (var value in new[] { "\"\\u0000\"", "{\"a\\u0000\": 1}", "1e999999", "-1e400", "[1, 2e1000]" })
        {
            var rsp = await Send(c, HttpMethod.Put, "/platform/v1/settings/jsonb.key", $$"""{"value": {{value}}}""");
            Assert.True(rsp.StatusCode == HttpStatusCode.BadRequest, $"{value}: {(int)rsp.StatusCode}");
            await Envelopes.AssertAsync(rsp, "/platform");
        }
    }

    [Fact]
    public async Task A_body_over_the_route_limit_is_413_in_the_envelope()
    {
        var big = new string('x', 300 * 1024);
        foreach (var (path, method, c) in await RoutesAsync())
        {
            var body = BodyWith(path, $"\"{(path.StartsWith("/platform") ? big : big + big + big + big)}\"");
            var rsp = await Send(c, method, path, body);
            Assert.True(rsp.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"{path}: {(int)rsp.StatusCode}");
            await Envelopes.AssertAsync(rsp, path);
        }
        // chunked (no Content-Length): cut off while reading
        var (p, m, client) = (await RoutesAsync())[^1];
        var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(BodyWith(p, $"\"{big}\""))));
        chunked.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var req = new HttpRequestMessage(m, p) { Content = chunked };
        req.Headers.TransferEncodingChunked = true;
        var chunkedRsp = await client.SendAsync(req);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunkedRsp.StatusCode);
        await Envelopes.AssertAsync(chunkedRsp, p);
    }

    [Fact]
    public async Task Wrong_media_type_and_unknown_routes_answer_in_the_module_envelope()
    {
        foreach (var (path, method, c) in await RoutesAsync())
        {
            var rsp = await Send(c, method, path, "x=1", "text/plain");
            Assert.True(rsp.StatusCode is HttpStatusCode.UnsupportedMediaType or HttpStatusCode.BadRequest, $"{path}: {(int)rsp.StatusCode}");
            await Envelopes.AssertAsync(rsp, path);
            var broken = await Send(c, method, path, "{\"unterminated");
            Assert.True((int)broken.StatusCode is 400 or 422, $"{path}: {(int)broken.StatusCode}");
            await Envelopes.AssertAsync(broken, path);
        }
        foreach (var path in new[] { "/pricewatch/api/nope", "/shopper/api/nope", "/adpriority/api/nope", "/brand-insights/v1/nope", "/platform/v1/nope" })
        {
            var rsp = await api.CreateClient().GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, rsp.StatusCode);
            await Envelopes.AssertAsync(rsp, path);
        }
    }

    [Fact]
    public async Task BrandInsights_empty_or_out_of_range_dates_are_422_invalid_params()
    {
        await using (var conn = api.OwnerConnection())
        {
            await conn.OpenAsync();
            await using var cmd = new Npgsql.NpgsqlCommand("insert into brandinsights.brands (cannabrands_id, name) values ('acme', 'Acme') on conflict do nothing", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        var c = api.CreateClient();
        c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            Api.Infrastructure.Auth.BrandInsightsAuth.MintToken(ClaimsFactory.BrandKey, "acme", TimeSpan.FromMinutes(5)));
        foreach (var query in new[] { "to=", "from=", "to=0001-01-01", "to=9999-12-31", "from=0001-01-01&to=0001-01-05", "to=9999-12-31&from=9999-12-01", "to=garbage" })
            foreach (var route in new[] { "store-timeseries", "promo-timeseries" })
            {
                var path = $"/brand-insights/v1/brands/acme/dashboard/{route}?{query}";
                var rsp = await c.GetAsync(path);
                Assert.True(rsp.StatusCode == HttpStatusCode.UnprocessableEntity, $"{path}: {(int)rsp.StatusCode} {await rsp.Content.ReadAsStringAsync()}");
                Assert.Equal("INVALID_PARAMS", (string?)(await rsp.Json())["code"]);
            }
    }

    [Fact]
    public async Task Proxy_image_with_a_relative_or_odd_url_is_400()
    {
        foreach (var url in new[] { "-1", "/etc/passwd", "ftp://example.com/a.png", "file:///etc/passwd", "javascript:alert(1)", "http://" })
        {
            var rsp = await api.CreateClient().GetAsync("/shopper/api/v1/proxy-image?url=" + Uri.EscapeDataString(url));
            Assert.True(rsp.StatusCode == HttpStatusCode.BadRequest, $"'{url}': {(int)rsp.StatusCode}");
            await Envelopes.AssertAsync(rsp, "/shopper");
        }
    }
}
