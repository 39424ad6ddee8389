using System.Net;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.PriceWatch.Health;

public sealed class HealthTests(PriceWatchFactory api) : IClassFixture<PriceWatchFactory>
{
    [Fact]
    public async Task Health_is_public_and_ok()
    {
        var rsp = await api.CreateClient().GetAsync("/pricewatch/api/health");
        Assert.Equal(HttpStatusCode.OK, rsp.StatusCode);
        var body = await rsp.Json();
        Assert.Equal("ok", (string?)body["status"]);
        Assert.True((bool)body["supabase_connected"]!);
        Assert.NotNull(body["version"]);
        Assert.NotNull(body["timestamp"]);
        Assert.Null(body["config_error"]);
    }
}

public sealed class DegradedHealthFactory : PriceWatchFactory
{
    protected override IDictionary<string, string?> More => new Dictionary<string, string?>
    {
        ["Integrations:Stripe:SecretKey"] = "not-a-stripe-key",
    };
}

public sealed class DegradedHealthTests(DegradedHealthFactory api) : IClassFixture<DegradedHealthFactory>
{
    [Fact]
    public async Task Invalid_settings_report_degraded_with_the_variable_to_fix()
    {
        var body = await (await api.CreateClient().GetAsync("/pricewatch/api/health")).Json();
        Assert.Equal("degraded", (string?)body["status"]);
        Assert.Contains("stripe_secret_key", (string?)body["config_error"]);
        Assert.Equal("Integrations__Stripe__SecretKey", (string?)body["env_hint"]);
    }
}
