using Api.Infrastructure.Jobs;
using Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Features.PriceWatch.Scraping;

/// <summary>Workers off: the test plays the worker that dies and the one that takes over.</summary>
public sealed class ScrapeResumeFactory : PriceWatchFactory
{
    public FakeStores Stores { get; } = new();
    protected override IDictionary<string, string?> More => new Dictionary<string, string?>
    {
        ["Jobs:Enabled"] = "false", ["PriceWatch:Scrape:RetryDelayMs"] = "50", ["Integrations:WebFetch:MinDelayMs"] = "0",
    };
}

/// <summary>Issue 17 §4: a scrape whose worker was killed (attempt 1) is retried, resumes where it stopped and completes.</summary>
public sealed class ScrapeResumeTests(ScrapeResumeFactory api) : IClassFixture<ScrapeResumeFactory>
{
    [Fact]
    public async Task A_scrape_whose_worker_died_is_resumed_on_attempt_2_and_the_session_shows_it()
    {
        var t = await PwTenant.CreateAsync(api, "pro");
        var (a, b) = (Guid.NewGuid().ToString("N")[..8], Guid.NewGuid().ToString("N")[..8]);
        api.Stores.Shopify[a] = [("Jar A", 5m)];
        api.Stores.Shopify[b] = [("Jar B", 6m), ("Lid B", 1m)];
        var (compA, compB) = (Guid.NewGuid(), Guid.NewGuid());
        foreach (var (id, name) in new[] { (compA, a), (compB, b) })
            await Pw.ExecAsync(api, t.Id, "insert into pricewatch.competitors (id, tenant_id, name, url, platform, created_at) values (@id, @t, @n, @u, 'shopify', now() + (@n = @b)::int * interval '1 s')",
                ("id", id), ("t", t.Id), ("n", name), ("u", $"{api.Stores.Url}/shop/{name}"), ("b", b));
        var session = (string)(await (await t.Client().PostJson("/pricewatch/api/scrape", new { })).Json())["session_id"]!;

        // attempt 1: a worker claims the job, finishes competitor A (log row + counters, as the job writes them), then is killed
        var store = api.Services.GetRequiredService<JobStore>();
        var job = await store.ClaimAsync("killed-worker", TimeSpan.FromMilliseconds(300), [Api.Features.PriceWatch.Common.ScrapeStarter.JobType], CancellationToken.None);
        Assert.NotNull(job);
        Assert.Equal(3, job.MaxAttempts);
        await Pw.ExecAsync(api, t.Id, """
            insert into pricewatch.scrape_logs (tenant_id, session_id, competitor_id, status, platform, products_found) values (@t, @s::uuid, @c, 'success', 'shopify', 1);
            update pricewatch.scrape_sessions set completed_targets = 1, successful_scrapes = 1, total_products = 1 where id = @s::uuid;
            """, ("t", t.Id), ("s", session), ("c", compA));
        await Task.Delay(400);   // its lease runs out

        // attempt 2 on a live worker
        Assert.True(await api.Services.GetRequiredService<JobRunner>().RunOneAsync("live-worker", CancellationToken.None));
        var status = await t.WaitForSessionAsync($"/pricewatch/api/scrape/status/{session}");
        Assert.Equal("completed", (string?)status["status"]);
        Assert.Equal(2, (int)status["completed_targets"]!);
        Assert.Equal(2, (int)status["successful_scrapes"]!);
        Assert.Equal(3, (int)status["total_products"]!);
        Assert.Contains("resumed on attempt 2", (string?)status["error_message"]);
        Assert.False(api.Stores.Hits.ContainsKey(a));   // A was done before the worker died: not scraped again
        Assert.True(api.Stores.Hits[b] > 0);
        Assert.Equal(1L, await Pw.ScalarAsync<long>(api, "select count(*) from pricewatch.scrape_logs where session_id = @s::uuid and competitor_id = @c", ("s", session), ("c", compA)));
        var final = await store.GetAsync(job.Id, CancellationToken.None);
        Assert.Equal("succeeded", final!.Status);
        Assert.Equal(2, final.Attempts);
    }
}
