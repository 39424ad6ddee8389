using System.Net;
using System.Text;
using Api.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Api.Tests.Features.AdPriority;

/// <summary>Defects found walking the document's journeys (issue 18): path ids, limits, 401 headers, error wording.</summary>
public sealed class JourneyTests(AdPriorityApi api) : IClassFixture<AdPriorityApi>
{
    [Fact]
    public async Task A_path_id_that_is_not_a_UUID_is_404_NOT_FOUND()
    {
        var (_, shop) = await api.InstallAsync();
        var c = api.ClientFor(shop);
        foreach (var rsp in new[]
        {
            await c.GetAsync("/adpriority/api/products/prod-uuid-001"),
            await c.PutCamel("/adpriority/api/priorities/var-uuid-001", new { priority = 3 }),
            await c.PutCamel("/adpriority/api/rules/rule-1", new { basePriority = 3 }),
            await c.DeleteAsync("/adpriority/api/rules/rule-1"),
            await c.PutCamel("/adpriority/api/seasons/winter-1", new { startMonth = 1 }),
        })
        {
            Assert.Equal(HttpStatusCode.NotFound, rsp.StatusCode);
            Assert.Equal("NOT_FOUND", await rsp.ErrorCode());
        }
    }

    [Fact]
    public async Task Sync_recalculate_and_sheet_push_each_have_their_own_5_per_minute_limit()
    {
        var (_, shop) = await api.InstallAsync();
        var c = api.ClientFor(shop);
        for (var i = 0; i < 5; i++)
        {
            var rsp = await c.PostCamel("/adpriority/api/priorities/recalculate", new { dryRun = true });
            Assert.NotEqual(HttpStatusCode.TooManyRequests, rsp.StatusCode);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, (await c.PostCamel("/adpriority/api/priorities/recalculate", new { dryRun = true })).StatusCode);

        // recalculate's budget is spent; product sync and the sheet push still have theirs
        var sync = await c.PostCamel("/adpriority/api/products/sync", new { });
        Assert.NotEqual(HttpStatusCode.TooManyRequests, sync.StatusCode);
        Assert.Equal("4", sync.Headers.GetValues("X-RateLimit-Remaining").Single());
        var sheet = await c.PostCamel("/adpriority/api/sync/sheet", new { });
        Assert.NotEqual(HttpStatusCode.TooManyRequests, sheet.StatusCode);
        Assert.Equal("4", sheet.Headers.GetValues("X-RateLimit-Remaining").Single());
    }

    [Fact]
    public async Task A_401_carries_the_rate_limit_headers()
    {
        var rsp = await api.CreateClient().GetAsync("/adpriority/api/products");
        Assert.Equal(HttpStatusCode.Unauthorized, rsp.StatusCode);
        Assert.Equal("UNAUTHORIZED", await rsp.ErrorCode());
        Assert.Equal("100", rsp.Headers.GetValues("X-RateLimit-Limit").Single());
        Assert.True(rsp.Headers.Contains("X-RateLimit-Remaining"));
        Assert.True(rsp.Headers.Contains("X-RateLimit-Reset"));
    }

    [Fact]
    public async Task A_body_of_the_wrong_type_is_refused_without_framework_wording()
    {
        var (id, shop) = await api.InstallAsync();
        var (_, variants) = await api.AddProductAsync(id, "Tee", "Men-Tops", [], [3]);
        var rsp = await api.ClientFor(shop).PutAsync($"/adpriority/api/priorities/{variants[0]}",
            new StringContent("""{"priority": 3, "override": "yes please"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, rsp.StatusCode);
        var text = await rsp.Content.ReadAsStringAsync();
        Assert.DoesNotContain("token type", text);
        Assert.DoesNotContain("System.", text);
        Assert.DoesNotContain("could not be converted", text);
        Assert.Equal("Invalid value for 'override': wrong type or format", (string?)(await rsp.Json())["error"]!["message"]);
    }

    [Fact]
    public async Task Handed_out_URLs_use_the_requests_scheme_and_host_when_no_public_URL_is_configured()
    {
        var c = api.CreateClient();
        c.DefaultRequestHeaders.Host = "api.shop-tools.test:8443";
        var install = await (await c.GetAsync("/adpriority/auth/install?shop=url-check.myshopify.com")).Json();
        Assert.Contains("redirect_uri=http%3A%2F%2Fapi.shop-tools.test%3A8443%2Fadpriority%2Fauth%2Fcallback", (string?)install["authorizeUrl"]);
        Assert.DoesNotContain("5080", (string?)install["authorizeUrl"]);

        var (_, shop) = await api.InstallAsync();
        var admin = api.ClientFor(shop);
        admin.DefaultRequestHeaders.Host = "api.shop-tools.test:8443";
        var feed = await (await admin.PostCamel("/adpriority/api/settings/feed-url", new { })).Json();
        Assert.StartsWith("http://api.shop-tools.test:8443/adpriority/feeds/", feed.ToJsonString().Split("\"")
            .First(v => v.StartsWith("http://", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_configured_public_URL_wins_and_background_work_falls_back_to_the_listening_address()
    {
        var m = Api.Infrastructure.Modules.Modules.AdPriority;
        var configured = new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            { ["Modules:adpriority:PublicUrl"] = "https://adpriority.example.com/" }).Build();
        Assert.Equal("https://adpriority.example.com/adpriority", Api.Infrastructure.Modules.ModuleUrls.Root(m, configured, null));
        var listening = new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            { ["urls"] = "http://+:7000;https://+:7001" }).Build();
        Assert.Equal("http://localhost:7000/adpriority", Api.Infrastructure.Modules.ModuleUrls.Root(m, listening, null));
    }
}
