using System.Text.Json;
using LinqToDB.Data;

namespace Api.Infrastructure.Jobs;

/// <summary>A job kind's work. Implemented in the slice that owns the work and registered with <c>AddJob&lt;T&gt;(type)</c>.</summary>
public interface IJobHandler
{
    /// <summary>Runs the job; the returned value (if any) is stored as the job's JSON result. Throw to fail the attempt.</summary>
    Task<object?> RunAsync(JobRun job, CancellationToken ct);
}

/// <summary>The claimed job as its handler sees it.</summary>
public sealed class JobRun(long id, string type, string? tenantId, JsonElement payload, int attempt, JobStore store, string worker)
{
    public long Id { get; } = id;
    public string Type { get; } = type;
    public string? TenantId { get; } = tenantId;
    public JsonElement Payload { get; } = payload;
    public int Attempt { get; } = attempt;

    public T PayloadAs<T>() => Payload.Deserialize<T>(JobStore.Json)!;

    /// <summary>Stores progress so endpoints can report it.</summary>
    public Task ReportAsync(long done, long? total, string? message, CancellationToken ct) =>
        store.ProgressAsync(Id, worker, done, total, message, ct);
}

public sealed record JobStatus(
    long Id, string Type, string Status, int Attempts, int MaxAttempts, long ProgressDone, long? ProgressTotal,
    string? ProgressMessage, string? LastError, string? Result, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt, DateTimeOffset? LeaseUntil);

public static class JobQueue
{
    /// <summary>
    /// Enqueues on the caller's connection, so a job asked for by a row commits or rolls back with that row.
    /// </summary>
    public static async Task<long> EnqueueAsync(DataConnection db, string type, object? payload = null, string? tenantId = null,
        int maxAttempts = 5, DateTimeOffset? runAfter = null, CancellationToken ct = default)
    {
        var json = JsonSerializer.Serialize(payload ?? new { }, JobStore.Json);
        return await db.ExecuteAsync<long>("""
            insert into platform.jobs (type, payload, tenant_id, max_attempts, run_after)
            values (@type, cast(@json as jsonb), @tenantId, @maxAttempts, coalesce(@runAfter, now()))
            returning id
            """, new { type, json, tenantId, maxAttempts, runAfter }, ct);
    }
}
