using System.Net;
using Api.Infrastructure.RateLimiting;
using Api.Tests.Infrastructure;
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
}
