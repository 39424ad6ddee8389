using System.Net;
using Api.Tests.Infrastructure;

namespace Api.Tests.Platform;

public sealed class TightLimitFactory : ApiFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:platform:PermitLimit"] = "3", ["RateLimits:platform:WindowSeconds"] = "60",
    };
}

public sealed class RateLimitTests(TightLimitFactory api) : IClassFixture<TightLimitFactory>
{
    [Fact]
    public async Task Over_the_limit_answers_429_in_the_envelope_with_headers_per_tenant()
    {
        var tenant = Guid.NewGuid();
        var client = api.ClientFor(tenant);
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++) answers.Add(await client.GetAsync("/platform/v1/settings"));

        Assert.All(answers.Take(3), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(["2", "1", "0"], answers.Take(3).Select(r => r.Headers.GetValues("X-RateLimit-Remaining").Single()));
        var limited = answers[3];
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("3", limited.Headers.GetValues("X-RateLimit-Limit").Single());
        Assert.Equal("0", limited.Headers.GetValues("X-RateLimit-Remaining").Single());
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single()) is > 0 and <= 60);
        Assert.True(long.Parse(limited.Headers.GetValues("X-RateLimit-Reset").Single()) > DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var body = await limited.Json();
        Assert.Equal(429, (int?)body["status"]);
        Assert.Equal("Rate limit exceeded", (string?)body["detail"]);

        // the budget belongs to the tenant, not to one token
        var sameTenantOtherToken = api.CreateClient();
        sameTenantOtherToken.DefaultRequestHeaders.Authorization = new("Bearer", ApiFactory.PlatformToken(tenant, TimeSpan.FromMinutes(7)));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await sameTenantOtherToken.GetAsync("/platform/v1/settings")).StatusCode);

        // another tenant has its own budget
        Assert.Equal(HttpStatusCode.OK, (await api.ClientFor(Guid.NewGuid()).GetAsync("/platform/v1/settings")).StatusCode);
    }
}
