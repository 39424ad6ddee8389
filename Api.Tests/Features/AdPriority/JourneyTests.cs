using System.Net;
using System.Text;
using Api.Tests.Infrastructure;

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
}
