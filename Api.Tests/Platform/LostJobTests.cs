using System.Collections.Concurrent;
using System.Diagnostics;
using Api.Infrastructure.Database;
using Api.Infrastructure.Jobs;
using Api.Tests.Infrastructure;
using LinqToDB.Data;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Api.Tests.Platform;

/// <summary>The real worker service (2 workers, 1 s lease, 0.25 s sweep) with a job kind that blocks until released.</summary>
public sealed class LostJobsFactory : ApiFactory
{
    public static readonly TaskCompletionSource Release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public static readonly ConcurrentDictionary<long, int> Completed = new();
    public static int Busy;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Jobs:Enabled"] = "true", ["Jobs:Concurrency"] = "2", ["Jobs:Lease"] = "00:00:01", ["Jobs:SweepInterval"] = "00:00:00.250",
        ["Jobs:PollInterval"] = "00:00:00.100",
    };

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddJob<Blocking>("lost.block").AddJob<Quick>("lost.quick"));
    }

    sealed class Blocking : IJobHandler
    {
        public async Task<object?> RunAsync(JobRun job, CancellationToken ct)
        {
            Interlocked.Increment(ref Busy);
            try { await Release.Task.WaitAsync(ct); } finally { Interlocked.Decrement(ref Busy); }
            return null;
        }
    }

    sealed class Quick : IJobHandler
    {
        public Task<object?> RunAsync(JobRun job, CancellationToken ct)
        {
            Completed[job.Id] = job.Attempt;
            return Task.FromResult<object?>(null);
        }
    }
}

/// <summary>Issue 17 §4: a job whose worker vanished goes back to the queue with its attempt counted, promptly, busy workers or not.</summary>
public sealed class LostJobTests(LostJobsFactory api, ITestOutputHelper output) : IClassFixture<LostJobsFactory>
{
    JobStore Store => api.Services.GetRequiredService<JobStore>();

    async Task<long> Enqueue(string type, int maxAttempts)
    {
        await using var db = new DataConnection(api.Services.GetRequiredService<Db>().Options);
        return await JobQueue.EnqueueAsync(db, type, new { }, maxAttempts: maxAttempts);
    }

    /// <summary>
    /// A job whose worker "died" (kill -9) during attempt 1: claimed by a worker that never heartbeats nor reports. Written
    /// as claimed in one statement, so no live worker takes attempt 1 first.
    /// </summary>
    async Task<long> AbandonedAsync(string type, int maxAttempts, TimeSpan lease)
    {
        await using var conn = api.OwnerConnection();
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand("""
            insert into platform.jobs (type, payload, max_attempts, status, attempts, locked_by, lease_until, started_at)
            values ($1, '{}'::jsonb, $2, 'running', 1, 'dead-worker', now() + $3 * interval '1 millisecond', now())
            returning id
            """, conn);
        cmd.Parameters.Add(new Npgsql.NpgsqlParameter { Value = type });
        cmd.Parameters.Add(new Npgsql.NpgsqlParameter { Value = maxAttempts });
        cmd.Parameters.Add(new Npgsql.NpgsqlParameter { Value = lease.TotalMilliseconds });
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    async Task<JobStatus> WaitAsync(long id, Func<JobStatus, bool> until, TimeSpan within)
    {
        var sw = Stopwatch.StartNew();
        while (true)
        {
            var s = (await Store.GetAsync(id, CancellationToken.None))!;
            if (until(s)) return s;
            if (sw.Elapsed > within) Assert.Fail($"job {id} still {s.Status} (attempts {s.Attempts}) after {within.TotalSeconds} s: {s.LastError}");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task A_job_whose_worker_died_on_its_first_attempt_is_retried_and_completes()
    {
        var id = await AbandonedAsync("lost.quick", 3, TimeSpan.FromSeconds(1));
        var sw = Stopwatch.StartNew();
        var done = await WaitAsync(id, s => s.Status is "succeeded" or "failed", TimeSpan.FromSeconds(10));
        output.WriteLine($"lost job finished {sw.Elapsed.TotalSeconds:0.00} s after its worker died (lease 1 s, sweep 0.25 s)");
        Assert.Equal("succeeded", done.Status);
        Assert.Equal(2, done.Attempts);
        Assert.Equal(2, LostJobsFactory.Completed[id]);
        Assert.Contains("worker lost (lease expired) on attempt 1", done.LastError);
    }

    [Fact]
    public async Task A_lost_job_on_its_last_attempt_ends_failed_not_running()
    {
        var id = await AbandonedAsync("lost.quick", 1, TimeSpan.FromMilliseconds(500));
        var s = await WaitAsync(id, s => s.Status != "running", TimeSpan.FromSeconds(5));
        Assert.Equal("failed", s.Status);
        Assert.Contains("on attempt 1 of 1", s.LastError);
    }

    [Fact]
    public async Task With_every_worker_busy_a_lost_job_is_still_reclaimed_within_lease_plus_sweep_then_runs()
    {
        var blockers = new[] { await Enqueue("lost.block", 1), await Enqueue("lost.block", 1) };
        try
        {
            foreach (var b in blockers) await WaitAsync(b, s => s.Status == "running", TimeSpan.FromSeconds(10));
            // "running" is written when a worker claims the job, a moment before its handler starts: wait for both handlers
            var held = Stopwatch.StartNew();
            while (Volatile.Read(ref LostJobsFactory.Busy) < 2 && held.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(20);
            Assert.Equal(2, Volatile.Read(ref LostJobsFactory.Busy));   // both workers are held
            await ReclaimedWhileBusyAsync();
        }
        finally { LostJobsFactory.Release.TrySetResult(); }   // never leave both workers held for the tests that follow
    }

    async Task ReclaimedWhileBusyAsync()
    {
        var id = await AbandonedAsync("lost.quick", 3, TimeSpan.FromSeconds(1));
        var sw = Stopwatch.StartNew();
        var requeued = await WaitAsync(id, s => s.Status != "running", TimeSpan.FromSeconds(1 + 0.25 + 1));   // lease + sweep + slack
        output.WriteLine($"reclaimed {sw.Elapsed.TotalSeconds:0.00} s after the worker died, with both workers busy");
        Assert.Equal("queued", requeued.Status);
        Assert.Equal(1, requeued.Attempts);
        Assert.Equal(2, Volatile.Read(ref LostJobsFactory.Busy));

        LostJobsFactory.Release.TrySetResult();
        var done = await WaitAsync(id, s => s.Status == "succeeded", TimeSpan.FromSeconds(10));
        Assert.Equal(2, done.Attempts);
    }

    [Fact]
    public async Task Measure_how_long_a_lost_job_takes_to_finish_after_its_worker_dies()
    {
        var times = new List<double>();
        var observed = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var sw = Stopwatch.StartNew();
            var id = await AbandonedAsync("lost.quick", 3, TimeSpan.FromSeconds(1));
            await WaitAsync(id, s => s.Status == "succeeded", TimeSpan.FromSeconds(10));
            observed.Add(sw.Elapsed.TotalSeconds);
            times.Add(await ServerSecondsAsync(id));
        }
        output.WriteLine($"lease 1 s, sweep 0.25 s, poll 0.1 s: lost job finished after min {times.Min():0.00} s, max {times.Max():0.00} s, " +
                         $"mean {times.Average():0.00} s on the database's clock (insert to finish); as seen by this test's 20 ms poll " +
                         $"max {observed.Max():0.00} s");
        // timed on the database's clock, from the insert's now() (where the lease starts) to the worker's finish: what the
        // system guarantees. The test's own view adds the insert's round trip and its polling reads, which under a loaded
        // clean-clone CI run stretched one of five to 2.38 s while the jobs themselves ran on time
        Assert.All(times, t => Assert.InRange(t, 0.9, 1 + 0.25 + 0.1 + 1.0));
    }

    async Task<double> ServerSecondsAsync(long id)
    {
        await using var conn = api.OwnerConnection();
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand(
            "select extract(epoch from finished_at - created_at)::float8 from platform.jobs where id = $1", conn);
        cmd.Parameters.Add(new Npgsql.NpgsqlParameter { Value = id });
        return (double)(await cmd.ExecuteScalarAsync())!;
    }
}
