using System.Net;
using Api.Infrastructure.RateLimiting;
using Api.Tests.Infrastructure;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Api.Features.ShopperSearch.Demo;
using Api.Infrastructure.Database;
using Api.Infrastructure.Demo;
using Api.Tests.Features.ShopperSearch;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Platform.Cluster;

/// <summary>Three API instances on one database, called round-robin as a load balancer would (issue 20 §3).</summary>
public sealed class ManyInstancesTests : IAsyncLifetime
{
    string _db = "";
    readonly List<InstanceFactory> _instances = [];

    public async Task InitializeAsync()
    {
        _db = await TestCluster.CreateDatabaseAsync();
        var settings = new Dictionary<string, string?>
        {
            ["RateLimits:platform:PermitLimit"] = "10", ["RateLimits:platform:WindowSeconds"] = "3600",   // an hour, so no run straddles a window edge
            ["ShopperSearch:Cors:AllowedOrigins:0"] = "https://shop.example.com",
            ["RateLimits:cluster-block:PermitLimit"] = "200", ["RateLimits:cluster-block:WindowSeconds"] = "3600", ["RateLimits:cluster-block:Block"] = "20",
        };
        for (var i = 0; i < 3; i++)
        {
            var instance = new InstanceFactory(_db, settings);
            await ((IAsyncLifetime)instance).InitializeAsync();
            _instances.Add(instance);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var i in _instances) await ((IAsyncLifetime)i).DisposeAsync();
        await TestCluster.DropDatabaseAsync(_db);
    }

    [Fact]
    public async Task A_limit_of_10_per_window_allows_10_in_total_across_three_instances_not_30()
    {
        var tenant = Guid.NewGuid();
        var clients = _instances.Select(i => i.ClientFor(tenant)).ToArray();
        var answers = new List<HttpResponseMessage>();
        for (var n = 0; n < 30; n++) answers.Add(await clients[n % 3].GetAsync("/platform/v1/settings"));

        Assert.Equal(10, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.Equal(20, answers.Count(a => a.StatusCode == HttpStatusCode.TooManyRequests));
        Assert.All(answers.Take(10), a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        // the headers count the cluster's permits, whichever instance answered
        Assert.Equal(Enumerable.Range(0, 10).Reverse().Select(n => n.ToString()),
            answers.Take(10).Select(a => a.Headers.GetValues("X-RateLimit-Remaining").Single()));
        Assert.All(answers.Skip(10), a => Assert.True(int.Parse(a.Headers.GetValues("Retry-After").Single()) is > 0 and <= 3600));

        // another tenant still has its own 10
        Assert.Equal(HttpStatusCode.OK, (await _instances[2].ClientFor(Guid.NewGuid()).GetAsync("/platform/v1/settings")).StatusCode);
    }

    [Fact]
    public async Task Concurrent_callers_on_three_instances_never_get_more_than_the_limit()
    {
        var tenant = Guid.NewGuid();
        var clients = _instances.Select(i => i.ClientFor(tenant)).ToArray();
        var answers = await Task.WhenAll(Enumerable.Range(0, 45).Select(n => clients[n % 3].GetAsync("/platform/v1/settings")));
        Assert.Equal(10, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
    }

    [Fact]
    public async Task Big_limits_take_blocks_and_still_hold_the_total()
    {
        var limits = _instances.Select(i => i.Services.GetRequiredService<RateLimits>()).ToArray();
        var policy = new RateLimitPolicy("cluster-block", 200, TimeSpan.FromHours(1));
        var partition = "test:" + Guid.NewGuid();
        var granted = 0;
        for (var n = 0; n < 300; n++)
        {
            var (lease, _, _) = await limits[n % 3].AcquireAsync(policy with { }, partition);
            if (lease.IsAcquired) granted++;
        }
        Assert.Equal(200, granted);
        // 200 permits in blocks of 20: ten round trips, plus one per instance to learn the window is spent
        await using var conn = _instances[0].OwnerConnection();
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "select taken from platform.rate_limit_counters where partition = $1";
        cmd.Parameters.Add(new() { Value = partition });
        Assert.Equal(260L, (long)(await cmd.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task A_burst_on_a_fresh_window_asks_the_database_once()
    {
        // 15 callers at once on one instance, limit 1,000 (blocks of 10): the first ask is shared by those waiting for it, the
        // next ones too, so the counter shows whole blocks for the 15 permits (2 asks), not an ask per caller (up to 150)
        var limits = _instances[0].Services.GetRequiredService<RateLimits>();
        var policy = new RateLimitPolicy("cluster-burst", 1000, TimeSpan.FromHours(1));
        var partition = "test:" + Guid.NewGuid();
        var leases = await Task.WhenAll(Enumerable.Range(0, 15).Select(_ => Task.Run(async () => (await limits.AcquireAsync(policy, partition)).Lease)));
        Assert.All(leases, l => Assert.True(l.IsAcquired));
        await using var conn = _instances[0].OwnerConnection();
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "select taken from platform.rate_limit_counters where partition = $1";
        cmd.Parameters.Add(new() { Value = partition });
        Assert.Equal(20L, (long)(await cmd.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task A_shoppersearch_ingest_on_one_instance_shows_in_a_search_on_another_within_a_second()
    {
        await DemoData.SeedAsync(_instances[0].Services, CancellationToken.None);
        foreach (var i in _instances) await i.Services.GetRequiredService<ClusterSignals>().Listening.WaitAsync(TimeSpan.FromSeconds(10));
        var reader = _instances[1].Merchant(Shopper.Demo);
        var query = new { query_str = "clustered seersucker camp shirt" };
        async Task<List<string>> Search() => Shopper.Ids((await reader.Post("/api/v0/product/search/text", query)).Body["results"]!["data"]!);

        Assert.DoesNotContain("CL-1", await Search());
        Assert.DoesNotContain("CL-1", await Search());   // served from instance 1's memory now

        var writer = _instances[0].Merchant(Shopper.Demo);
        writer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Seeder.DemoApiKey);
        var row = """{"product_id":"CL-1","product_name":"Clustered Seersucker Camp Shirt","price":"58.00","price_numeric":58.0,"image1":"https://cdn.example.com/i/cl1.jpg","color":"light blue"}""";
        var ingest = await writer.PostAsync("/shopper/api/v1/ingest/products", new StringContent(row, new UTF8Encoding(false), "application/x-ndjson"));
        Assert.Equal(HttpStatusCode.OK, ingest.StatusCode);
        for (var n = 0; n < 300; n++)
        {
            var state = (await writer.Send(HttpMethod.Get, $"/api/v1/pipeline/status/{Shopper.Demo}")).Body;
            if ((string?)state["status"] is "completed" or "failed") break;
            await Task.Delay(100);
        }

        var clock = Stopwatch.StartNew();
        while (!(await Search()).Contains("CL-1"))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), "instance 1 still serves the search cached before instance 0's ingest");
            await Task.Delay(50);
        }
    }

    [Fact]
    public void A_scheduled_task_runs_once_per_occurrence_across_the_instances()
    {
        if (DateTime.UtcNow.Second >= 57) Thread.Sleep(4000);   // keep the test inside one minute
        var mutexes = _instances.Select(i => i.Services.GetRequiredService<Coravel.Scheduling.Schedule.Interfaces.IMutex>()).ToArray();
        var task = "cluster-task-" + Guid.NewGuid().ToString("N")[..8];
        var runs = 0;
        foreach (var m in mutexes)   // each instance's scheduler ticks a moment after the previous one finished
        {
            if (!m.TryGetLock(task, 10)) continue;
            runs++;
            m.Release(task);
        }
        Assert.Equal(1, runs);
    }
}
