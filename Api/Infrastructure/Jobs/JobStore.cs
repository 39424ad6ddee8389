using System.Text.Json;
using Api.Infrastructure.Database;
using Npgsql;

namespace Api.Infrastructure.Jobs;

/// <summary>The SQL of the durable queue (platform.jobs). Workers claim with FOR UPDATE SKIP LOCKED and hold a lease.</summary>
public sealed class JobStore(Db db, TimeProvider clock)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public sealed record Claimed(long Id, string Type, string? TenantId, JsonElement Payload, int Attempt, int MaxAttempts);

    /// <summary>
    /// Sweeps running jobs whose lease ran out (their worker died or stalled): each goes back to the queue at once with the
    /// lost attempt counted and noted in <c>last_error</c>, or ends failed when that was its last attempt. Runs on its own
    /// timer (<see cref="JobWorkerService"/>), so a lost job is reclaimed even while every worker is busy.
    /// </summary>
    public async Task<int> ReapAsync(CancellationToken ct)
    {
        await using var cmd = db.App.CreateCommand("""
            update platform.jobs
               set status = case when attempts >= max_attempts then 'failed' else 'queued' end,
                   finished_at = case when attempts >= max_attempts then now() end,
                   run_after = now(), updated_at = now(), locked_by = null, lease_until = null,
                   last_error = coalesce(last_error || E'\n', '') || 'worker lost (lease expired) on attempt ' || attempts
                                || ' of ' || max_attempts || case when attempts >= max_attempts then '' else '; queued again' end
             where status = 'running' and lease_until < now()
            """);
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Claims one due job for <paramref name="worker"/>: queued, or running with an expired lease and attempts left (a free
    /// worker need not wait for the sweep; the lost attempt stays counted and is noted in <c>last_error</c>).
    /// </summary>
    public async Task<Claimed?> ClaimAsync(string worker, TimeSpan lease, IReadOnlyCollection<string> types, CancellationToken ct)
    {
        await using var cmd = db.App.CreateCommand("""
            update platform.jobs j
               set status = 'running', attempts = j.attempts + 1, locked_by = $1,
                   lease_until = now() + $2 * interval '1 millisecond',
                   started_at = coalesce(j.started_at, now()), updated_at = now(),
                   last_error = case when j.status = 'running'
                                     then coalesce(j.last_error || E'\n', '') || 'worker lost (lease expired) on attempt ' || j.attempts
                                     else j.last_error end
             where j.id = (select id from platform.jobs
                            where type = any($3)
                              and ((status = 'queued' and run_after <= now())
                                or (status = 'running' and lease_until < now() and attempts < max_attempts))
                            order by run_after, id
                            limit 1
                            for update skip locked)
            returning j.id, j.type, j.tenant_id, j.payload::text, j.attempts, j.max_attempts
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = worker });
        cmd.Parameters.Add(new NpgsqlParameter { Value = lease.TotalMilliseconds });
        cmd.Parameters.Add(new NpgsqlParameter { Value = types.ToArray() });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return null;
        using var payload = JsonDocument.Parse(r.GetString(3));
        return new Claimed(r.GetInt64(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), payload.RootElement.Clone(),
            r.GetInt32(4), r.GetInt32(5));
    }

    /// <summary>Extends the lease; false when the job is no longer ours (lease lost to another worker).</summary>
    public async Task<bool> HeartbeatAsync(long id, string worker, TimeSpan lease, CancellationToken ct)
    {
        await using var cmd = db.App.CreateCommand("""
            update platform.jobs set lease_until = now() + $3 * interval '1 millisecond', updated_at = now()
             where id = $1 and locked_by = $2 and status = 'running'
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = id });
        cmd.Parameters.Add(new NpgsqlParameter { Value = worker });
        cmd.Parameters.Add(new NpgsqlParameter { Value = lease.TotalMilliseconds });
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task ProgressAsync(long id, string worker, long done, long? total, string? message, CancellationToken ct)
    {
        await using var cmd = db.App.CreateCommand("""
            update platform.jobs set progress_done = $3, progress_total = coalesce($4, progress_total),
                   progress_message = coalesce($5, progress_message), updated_at = now()
             where id = $1 and locked_by = $2 and status = 'running'
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = id });
        cmd.Parameters.Add(new NpgsqlParameter { Value = worker });
        cmd.Parameters.Add(new NpgsqlParameter { Value = done });
        cmd.Parameters.Add(new NpgsqlParameter<long?> { TypedValue = total });
        cmd.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = message });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task<bool> SucceedAsync(long id, string worker, object? result, CancellationToken ct)
    {
        await using var cmd = db.App.CreateCommand("""
            update platform.jobs set status = 'succeeded', result = $3::jsonb, finished_at = now(), updated_at = now(),
                   locked_by = null, lease_until = null,
                   progress_done = greatest(progress_done, coalesce(progress_total, progress_done))
             where id = $1 and locked_by = $2 and status = 'running'
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = id });
        cmd.Parameters.Add(new NpgsqlParameter { Value = worker });
        cmd.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = result is null ? null : JsonSerializer.Serialize(result, Json) });
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>Records the failure; retries later with exponential backoff, or ends the job failed after its last attempt.</summary>
    public async Task FailAsync(Claimed job, string worker, string error, CancellationToken ct)
    {
        var backoff = Backoff(job.Attempt);
        await using var cmd = db.App.CreateCommand("""
            update platform.jobs
               set status = case when attempts >= max_attempts then 'failed' else 'queued' end,
                   finished_at = case when attempts >= max_attempts then now() end,
                   run_after = now() + $3 * interval '1 millisecond',
                   last_error = $4, locked_by = null, lease_until = null, updated_at = now()
             where id = $1 and locked_by = $2 and status = 'running'
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = job.Id });
        cmd.Parameters.Add(new NpgsqlParameter { Value = worker });
        cmd.Parameters.Add(new NpgsqlParameter { Value = backoff.TotalMilliseconds });
        cmd.Parameters.Add(new NpgsqlParameter { Value = error.Length > 4000 ? error[..4000] : error });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Gives a job back on shutdown: queued again at once, the interrupted attempt not counted.</summary>
    public async Task ReleaseAsync(long id, string worker, CancellationToken ct)
    {
        await using var cmd = db.App.CreateCommand("""
            update platform.jobs set status = 'queued', attempts = greatest(attempts - 1, 0), locked_by = null, lease_until = null,
                   run_after = now(), updated_at = now()
             where id = $1 and locked_by = $2 and status = 'running'
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = id });
        cmd.Parameters.Add(new NpgsqlParameter { Value = worker });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>2^attempt seconds, capped at 10 minutes (1 s, 2 s, 4 s, ...).</summary>
    public static TimeSpan Backoff(int attempt) => TimeSpan.FromSeconds(Math.Min(600, Math.Pow(2, Math.Max(0, attempt - 1))));

    public async Task<JobStatus?> GetAsync(long id, CancellationToken ct)
    {
        await using var cmd = db.App.CreateCommand("""
            select id, type, status, attempts, max_attempts, progress_done, progress_total, progress_message, last_error,
                   result::text, created_at, started_at, finished_at, lease_until
              from platform.jobs where id = $1
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = id });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return null;
        return new JobStatus(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetInt32(4), r.GetInt64(5),
            r.IsDBNull(6) ? null : r.GetInt64(6), r.IsDBNull(7) ? null : r.GetString(7), r.IsDBNull(8) ? null : r.GetString(8),
            r.IsDBNull(9) ? null : r.GetString(9), r.GetFieldValue<DateTimeOffset>(10),
            r.IsDBNull(11) ? null : r.GetFieldValue<DateTimeOffset>(11), r.IsDBNull(12) ? null : r.GetFieldValue<DateTimeOffset>(12),
            r.IsDBNull(13) ? null : r.GetFieldValue<DateTimeOffset>(13));
    }

    internal DateTimeOffset Now => clock.GetUtcNow();
}
