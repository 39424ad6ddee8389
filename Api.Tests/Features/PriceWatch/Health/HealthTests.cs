using System.Net;
using Microsoft.Extensions.Configuration;
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

public sealed class HealthSettingsRulesTests
{
    sealed class Env(string name) : Microsoft.Extensions.Hosting.IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Api";
        public string ContentRootPath { get; set; } = "/";
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }

    static string? Problem(string environment, params (string Key, string Value)[] settings)
    {
        var config = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)).Append(new(PriceWatchFactory.JwtSecretKey, PriceWatchFactory.JwtSecret))).Build();
        return Api.Features.PriceWatch.Health.GetHealth.Settings.FirstProblem(config, new Env(environment))?.EnvHint;
    }

    [Fact]
    public void The_platform_scope_secret_is_required_in_production_and_must_be_long()
    {
        Assert.Null(Problem("Development"));
        Assert.Equal("PriceWatch__PlatformScopeSecret", Problem("Production"));
        Assert.Equal("PriceWatch__PlatformScopeSecret", Problem("Development", ("PriceWatch:PlatformScopeSecret", "short")));
        Assert.Null(Problem("Production", ("PriceWatch:PlatformScopeSecret", new string('s', 40))));
        Assert.Equal("Integrations__OpenAi__BaseUrl", Problem("Development", ("Integrations:OpenAi:BaseUrl", "not a url")));
    }
}
