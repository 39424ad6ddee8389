using System.Net;
using Api.Tests.Infrastructure;

namespace Api.Tests.Features.Platform.Jobs;

/// <summary>ExportSettings + GetJob end to end: the request enqueues, the background worker runs it, the client polls.</summary>
public sealed class ExportJobTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Export_runs_in_the_background_and_its_result_can_be_polled()
    {
        var tenant = Guid.NewGuid();
        var client = api.ClientFor(tenant);
        await client.PutJson("/platform/v1/settings/a.one", new { value = 1 });
        await client.PutJson("/platform/v1/settings/a.two", new { value = new[] { "x" } });

        var start = await client.PostAsync("/platform/v1/settings/export", null);
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        var accepted = await start.Json();
        var url = (string)accepted["status_url"]!;
        Assert.Equal("queued", (string?)accepted["status"]);

        System.Text.Json.Nodes.JsonNode job = accepted;
        for (var i = 0; i < 100; i++)
        {
            job = await (await client.GetAsync(url)).Json();
            if ((string?)job["status"] is "succeeded" or "failed") break;
            await Task.Delay(100);
        }
        Assert.Equal("succeeded", (string?)job["status"]);
        Assert.Equal(2, (int?)job["result"]!["count"]);
        Assert.Equal(1, (int?)job["result"]!["settings"]!["a.one"]);
        Assert.Equal(2, (long?)job["progress"]!["total"]);
        Assert.Equal(100.0, (double?)job["progress"]!["percent"]);

        // another tenant cannot see the job
        Assert.Equal(HttpStatusCode.NotFound, (await api.ClientFor(Guid.NewGuid()).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/platform/v1/jobs/0")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().GetAsync(url)).StatusCode);
    }
}
