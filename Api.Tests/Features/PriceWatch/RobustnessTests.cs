using System.Net;
using System.Text;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.PriceWatch;

/// <summary>Bad input never becomes a 500, and every error is in the FastAPI envelope.</summary>
public sealed class RobustnessTests(PriceWatchFactory api) : IClassFixture<PriceWatchFactory>
{
    [Theory]
    [InlineData("POST", "/pricewatch/api/team/invite", "{bad json")]
    [InlineData("POST", "/pricewatch/api/team/invite", "[]")]
    [InlineData("POST", "/pricewatch/api/team/invite", "{\"email\": 5, \"role\": []}")]
    [InlineData("PATCH", "/pricewatch/api/team/members/not-a-uuid/role", "{\"role\": \"viewer\"}")]
    [InlineData("DELETE", "/pricewatch/api/team/invitations/123", null)]
    [InlineData("GET", "/pricewatch/api/alerts/history?limit=abc", null)]
    [InlineData("GET", "/pricewatch/api/scrape/status/xyz", null)]
    [InlineData("POST", "/pricewatch/api/scrape", "{\"competitor_id\": \"nope\"}")]
    [InlineData("POST", "/pricewatch/api/match", "{\"method\": null}")]
    [InlineData("POST", "/pricewatch/api/match/validate", "{\"sample_size\": \"many\"}")]
    [InlineData("PUT", "/pricewatch/api/schedule", "{\"enabled\": \"yes\", \"interval_hours\": 1.5}")]
    [InlineData("PUT", "/pricewatch/api/tenant/credentials", "{\"shopify_url\": 12}")]
    [InlineData("POST", "/pricewatch/api/billing/checkout", "{}")]
    [InlineData("GET", "/pricewatch/api/admin/tenants?page=0", null)]
    public async Task Bad_input_is_a_4xx_in_the_envelope(string method, string url, string? body)
    {
        var t = await PwTenant.CreateAsync(api);
        var req = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null) req.Content = new StringContent(body, Encoding.UTF8, "application/json");
        var rsp = await t.Client().SendAsync(req);
        Assert.InRange((int)rsp.StatusCode, 400, 499);
        Assert.NotNull((await rsp.Json())["detail"]);
    }

    [Fact]
    public async Task Bodyless_posts_and_unknown_routes()
    {
        var t = await PwTenant.CreateAsync(api);
        var rsp = await t.Client().PostAsync("/pricewatch/api/scrape", null);
        Assert.Equal(HttpStatusCode.BadRequest, rsp.StatusCode);          // no competitors yet, but the empty body is accepted
        Assert.Equal("No active competitors to scrape", (string?)(await rsp.Json())["detail"]);
        Assert.Equal(HttpStatusCode.Accepted, (await t.Client().PostAsync("/pricewatch/api/match", null)).StatusCode);
        var missing = await t.Client().GetAsync("/pricewatch/api/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.NotNull((await missing.Json())["detail"]);
    }
}

public sealed class TightLimitFactory : PriceWatchFactory
{
    protected override IDictionary<string, string?> More => new Dictionary<string, string?> { ["RateLimits:pricewatch:PermitLimit"] = "3" };
}

public sealed class PriceWatchRateLimitTests(TightLimitFactory api) : IClassFixture<TightLimitFactory>
{
    [Fact]
    public async Task The_fourth_request_in_a_minute_is_429_and_the_webhook_is_exempt()
    {
        var t = await PwTenant.CreateAsync(api);
        var c = t.Client();
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await c.GetAsync("/pricewatch/api/billing/plans")).StatusCode);
        var limited = await c.GetAsync("/pricewatch/api/billing/plans");
        Assert.Equal((HttpStatusCode)429, limited.StatusCode);
        Assert.Equal("Rate limit exceeded", (string?)(await limited.Json())["detail"]);
        Assert.True(limited.Headers.Contains("Retry-After"));
        Assert.Equal("3", limited.Headers.GetValues("X-RateLimit-Limit").Single());
        Assert.Equal("0", limited.Headers.GetValues("X-RateLimit-Remaining").Single());

        for (var i = 0; i < 5; i++)
        {
            var hook = await api.CreateClient().PostAsync("/pricewatch/api/billing/webhook", new StringContent("{}"));
            Assert.NotEqual((HttpStatusCode)429, hook.StatusCode);
            Assert.False(hook.Headers.Contains("X-RateLimit-Limit"));
        }
    }
}
