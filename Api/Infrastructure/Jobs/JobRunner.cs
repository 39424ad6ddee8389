using Api.Infrastructure.Database;
using Api.Infrastructure.Tenancy;
using Microsoft.Extensions.Options;

namespace Api.Infrastructure.Jobs;

public sealed class JobOptions
{
    public bool Enabled { get; set; } = true;
    public int Concurrency { get; set; } = 2;
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(60);
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);
    /// <summary>How often expired leases are swept back to the queue, independently of the workers.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>The job types this process can run (those registered with <see cref="JobRegistration.AddJob{T}"/>).</summary>
public sealed class JobTypes(IEnumerable<JobTypes.Entry> entries)
{
    public sealed record Entry(string Type);
    public IReadOnlyCollection<string> All { get; } = entries.Select(e => e.Type).Distinct().ToArray();
}

public static class JobRegistration
{
    public static IServiceCollection AddJob<THandler>(this IServiceCollection services, string type) where THandler : class, IJobHandler
    {
        services.AddKeyedScoped<IJobHandler, THandler>(type);
        services.AddSingleton(new JobTypes.Entry(type));
        return services;
    }
}

/// <summary>Claims one job, runs its handler in its own scope (tenant set) while heartbeating the lease, and records the outcome.</summary>
public sealed class JobRunner(JobStore store, JobTypes types, IServiceScopeFactory scopes, IOptions<JobOptions> options, ILogger<JobRunner> log)
{
    public async Task<bool> RunOneAsync(string worker, CancellationToken ct)
    {
        if (types.All.Count == 0) return false;
        var lease = options.Value.Lease;
        var job = await store.ClaimAsync(worker, lease, types.All, ct);
        if (job is null) return false;

        using var lost = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var heartbeat = HeartbeatAsync(job.Id, worker, lease, lost);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            if (job.TenantId is not null) scope.ServiceProvider.GetRequiredService<TenantContext>().Set(job.TenantId);
            var handler = scope.ServiceProvider.GetRequiredKeyedService<IJobHandler>(job.Type);
            using (log.BeginScope(new Dictionary<string, object> { ["JobId"] = job.Id, ["JobType"] = job.Type }))
            {
                var result = await handler.RunAsync(new JobRun(job.Id, job.Type, job.TenantId, job.Payload, job.Attempt, store, worker), lost.Token);
                await store.SucceedAsync(job.Id, worker, result, CancellationToken.None);
                log.LogInformation("Job {JobId} ({JobType}) succeeded on attempt {Attempt}", job.Id, job.Type, job.Attempt);
            }
        }
        catch (OperationCanceledException) when (lost.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            log.LogWarning("Job {JobId} lost its lease; another worker may take it", job.Id);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            log.LogInformation("Job {JobId} interrupted by shutdown; released for another worker", job.Id);
            await store.ReleaseAsync(job.Id, worker, CancellationToken.None);
            throw;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            log.LogWarning(e, "Job {JobId} ({JobType}) failed on attempt {Attempt} of {Max}", job.Id, job.Type, job.Attempt, job.MaxAttempts);
            await store.FailAsync(job, worker, $"{e.GetType().Name}: {e.Message}", CancellationToken.None);
        }
        finally
        {
            await lost.CancelAsync();
            await heartbeat;
        }
        return true;
    }

    async Task HeartbeatAsync(long id, string worker, TimeSpan lease, CancellationTokenSource lost)
    {
        try
        {
            while (!lost.IsCancellationRequested)
            {
                await Task.Delay(lease / 3, lost.Token);
                if (!await store.HeartbeatAsync(id, worker, lease, lost.Token)) { await lost.CancelAsync(); return; }
            }
        }
        catch (OperationCanceledException) { }
        catch (Exception e) { log.LogWarning(e, "Heartbeat for job {JobId} failed", id); }
    }
}

/// <summary>Runs <see cref="JobOptions.Concurrency"/> claim loops and one lease sweeper once the database is ready.</summary>
public sealed class JobWorkerService(JobRunner runner, JobStore store, Db db, IOptions<JobOptions> options, ILogger<JobWorkerService> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        if (!options.Value.Enabled) return;
        try { await db.Ready.WaitAsync(stop); } catch (OperationCanceledException) { return; }
        var id = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";
        await Task.WhenAll(Enumerable.Range(1, Math.Max(1, options.Value.Concurrency)).Select(slot => LoopAsync($"{id}:{slot}", stop))
            .Append(SweepLoopAsync(stop)));
    }

    /// <summary>Its own timer: a job whose worker vanished is back in the queue within lease + sweep interval, busy workers or not.</summary>
    async Task SweepLoopAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var swept = await store.ReapAsync(stop);
                if (swept > 0) log.LogWarning("{Count} job(s) lost their worker (lease expired); queued again or failed on their last attempt", swept);
                await Task.Delay(options.Value.SweepInterval, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                log.LogWarning(e, "Job lease sweep failed; retrying");
                try { await Task.Delay(TimeSpan.FromSeconds(2), stop); } catch (OperationCanceledException) { return; }
            }
        }
    }

    async Task LoopAsync(string worker, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                if (await runner.RunOneAsync(worker, stop)) continue;
                await Task.Delay(options.Value.PollInterval, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                log.LogError(e, "Job loop {Worker} failed; retrying", worker);
                try { await Task.Delay(TimeSpan.FromSeconds(2), stop); } catch (OperationCanceledException) { return; }
            }
        }
    }
}
