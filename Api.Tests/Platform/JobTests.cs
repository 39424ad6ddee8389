using System.Collections.Concurrent;
using Api.Infrastructure.Database;
using Api.Infrastructure.Jobs;
using Api.Infrastructure.Scheduling;
using Api.Tests.Infrastructure;
using LinqToDB.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Api.Tests.Platform;

/// <summary>Test job kinds: one that records who ran it, one that always fails.</summary>
public sealed class JobsFactory : ApiFactory
{
    public static readonly ConcurrentDictionary<long, ConcurrentBag<string>> Runs = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Jobs:Enabled"] = "false",   // the tests drive the runner themselves
        ["Jobs:Lease"] = "00:00:01",
    };

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddJob<Recording>("test.record").AddJob<Failing>("test.fail").AddJob<Slow>("test.slow"));
    }

    sealed class Recording : IJobHandler
    {
        public async Task<object?> RunAsync(JobRun job, CancellationToken ct)
        {
            Runs.GetOrAdd(job.Id, _ => []).Add(job.PayloadAs<Dictionary<string, string>>()["worker_hint"]);
            await job.ReportAsync(1, 1, "done", ct);
            return new { ok = true };
        }
    }

    sealed class Slow : IJobHandler
    {
        public async Task<object?> RunAsync(JobRun job, CancellationToken ct) { await Task.Delay(TimeSpan.FromMinutes(5), ct); return null; }
    }

    sealed class Failing : IJobHandler
    {
        public Task<object?> RunAsync(JobRun job, CancellationToken ct) => throw new InvalidOperationException($"boom on attempt {job.Attempt}");
    }
}

public sealed class JobTests(JobsFactory api) : IClassFixture<JobsFactory>
{
    async Task<long> Enqueue(string type, int maxAttempts = 3)
    {
        await using var db = new DataConnection(api.Services.GetRequiredService<Db>().Options);
        return await JobQueue.EnqueueAsync(db, type, new Dictionary<string, string> { ["worker_hint"] = "x" }, maxAttempts: maxAttempts);
    }

    JobStore Store => api.Services.GetRequiredService<JobStore>();
    JobRunner Runner => api.Services.GetRequiredService<JobRunner>();

    async Task DrainAsync()
    {
        // leave no claimable job of these kinds behind for the other tests
        while (await Runner.RunOneAsync("drain", CancellationToken.None)) { }
    }

    [Fact]
    public async Task A_job_whose_worker_died_is_retried_by_another_worker_after_its_lease()
    {
        await DrainAsync();
        var id = await Enqueue("test.record");
        var claimed = await Store.ClaimAsync("worker-a", TimeSpan.FromSeconds(2), ["test.record"], CancellationToken.None);
        Assert.Equal(id, claimed!.Id);   // worker-a now "dies": no heartbeat, no outcome

        Assert.False(await Runner.RunOneAsync("worker-b", CancellationToken.None));   // lease still held
        await Task.Delay(2300);
        Assert.True(await Runner.RunOneAsync("worker-b", CancellationToken.None));

        var status = await Store.GetAsync(id, CancellationToken.None);
        Assert.Equal("succeeded", status!.Status);
        Assert.Equal(2, status.Attempts);
        Assert.Equal(1, status.ProgressDone);
        Assert.Null(status.LeaseUntil);
        Assert.False(await Store.HeartbeatAsync(id, "worker-a", TimeSpan.FromSeconds(1), CancellationToken.None)); // a's lease is gone
    }

    [Fact]
    public async Task Two_workers_never_run_the_same_job()
    {
        await DrainAsync();
        var ids = new List<long>();
        for (var i = 0; i < 40; i++) ids.Add(await Enqueue("test.record"));

        async Task Work(string name) { while (await Runner.RunOneAsync(name, CancellationToken.None)) { } }
        await Task.WhenAll(Work("w1"), Work("w2"), Work("w3"));

        foreach (var id in ids)
        {
            Assert.Single(JobsFactory.Runs[id]);
            Assert.Equal("succeeded", (await Store.GetAsync(id, CancellationToken.None))!.Status);
        }
    }

    [Fact]
    public async Task A_failing_job_is_retried_with_backoff_then_ends_failed_with_its_error()
    {
        await DrainAsync();
        var id = await Enqueue("test.fail", maxAttempts: 2);
        Assert.True(await Runner.RunOneAsync("w", CancellationToken.None));
        var afterFirst = await Store.GetAsync(id, CancellationToken.None);
        Assert.Equal("queued", afterFirst!.Status);
        Assert.Contains("boom on attempt 1", afterFirst.LastError);

        Assert.False(await Runner.RunOneAsync("w", CancellationToken.None));   // backing off (1 s)
        await Task.Delay(1200);
        Assert.True(await Runner.RunOneAsync("w", CancellationToken.None));
        var final = await Store.GetAsync(id, CancellationToken.None);
        Assert.Equal("failed", final!.Status);
        Assert.Equal(2, final.Attempts);
        Assert.Contains("boom on attempt 2", final.LastError);
        Assert.NotNull(final.FinishedAt);
    }

    [Fact]
    public async Task A_job_never_stays_running_past_its_last_lease()
    {
        await DrainAsync();
        var id = await Enqueue("test.record", maxAttempts: 1);
        await Store.ClaimAsync("dies", TimeSpan.FromMilliseconds(200), ["test.record"], CancellationToken.None);
        await Task.Delay(400);
        Assert.Equal(1, await Store.ReapAsync(CancellationToken.None));
        var status = await Store.GetAsync(id, CancellationToken.None);
        Assert.Equal("failed", status!.Status);
        Assert.Contains("lease expired", status.LastError);
    }

    [Fact]
    public async Task A_job_enqueued_in_a_transaction_that_rolls_back_never_exists()
    {
        await using var db = new DataConnection(api.Services.GetRequiredService<Db>().Options);
        long id;
        await using (var tx = await db.BeginTransactionAsync())
        {
            id = await JobQueue.EnqueueAsync(db, "test.record", new Dictionary<string, string> { ["worker_hint"] = "x" });
            await tx.RollbackAsync();
        }
        Assert.Null(await Store.GetAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task The_daily_purge_deletes_only_old_finished_jobs()
    {
        await using var db = new DataConnection(api.Services.GetRequiredService<Db>().Options);
        var oldDone = await JobQueue.EnqueueAsync(db, "test.purge");
        var oldQueued = await JobQueue.EnqueueAsync(db, "test.purge");
        var newDone = await JobQueue.EnqueueAsync(db, "test.purge");
        await db.ExecuteAsync("update platform.jobs set status = 'succeeded', finished_at = now() - interval '40 days' where id = @oldDone", new { oldDone });
        await db.ExecuteAsync("update platform.jobs set created_at = now() - interval '40 days' where id = @oldQueued", new { oldQueued });
        await db.ExecuteAsync("update platform.jobs set status = 'failed', finished_at = now() - interval '1 day' where id = @newDone", new { newDone });

        using var scope = api.Services.CreateScope();
        var purged = await scope.ServiceProvider.GetRequiredService<Mediator.IMediator>()
            .Send(new Api.Features.Platform.Jobs.PurgeFinishedJobs.Command(30));
        Assert.True(purged >= 1);
        Assert.Null(await Store.GetAsync(oldDone, CancellationToken.None));
        Assert.NotNull(await Store.GetAsync(oldQueued, CancellationToken.None));
        Assert.NotNull(await Store.GetAsync(newDone, CancellationToken.None));
    }

    [Fact]
    public async Task A_job_interrupted_by_shutdown_is_given_back_at_once()
    {
        await DrainAsync();
        var id = await Enqueue("test.slow");
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Runner.RunOneAsync("stopping", stop.Token));
        var status = await Store.GetAsync(id, CancellationToken.None);
        Assert.Equal("queued", status!.Status);
        Assert.Equal(0, status.Attempts);
        await using var db = new DataConnection(api.Services.GetRequiredService<Db>().Options);
        await db.ExecuteAsync("update platform.jobs set status = 'cancelled', finished_at = now() where id = @id", new { id });
    }

    [Fact]
    public void Backoff_doubles_and_is_capped()
    {
        Assert.Equal([1, 2, 4, 8], Enumerable.Range(1, 4).Select(a => JobStore.Backoff(a).TotalSeconds));
        Assert.Equal(600, JobStore.Backoff(30).TotalSeconds);
    }

    [Fact]
    public void A_scheduled_task_runs_on_one_instance_at_a_time_and_each_occurrence_once()
    {
        if (DateTime.UtcNow.Second >= 57) Thread.Sleep(4000);   // keep the test inside one minute
        var db = api.Services.GetRequiredService<Db>();
        using var one = new PostgresMutex(db, NullLogger<PostgresMutex>.Instance);
        using var two = new PostgresMutex(db, NullLogger<PostgresMutex>.Instance);
        var nightly = "nightly-" + Guid.NewGuid().ToString("N")[..8];
        Assert.True(one.TryGetLock(nightly, 10));
        Assert.False(two.TryGetLock(nightly, 10));
        Assert.True(two.TryGetLock("other-" + Guid.NewGuid().ToString("N")[..8], 10));
        one.Release(nightly);
        // issue 20: finished on one instance, the same minute's occurrence does not run again on another
        Assert.False(two.TryGetLock(nightly, 10));
        Assert.False(one.TryGetLock(nightly, 10));
    }
}
