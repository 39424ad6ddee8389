using Api.Infrastructure.Database;
using Api.Infrastructure.Jobs;
using LinqToDB.Data;

namespace Api.Features.PriceWatch.Common;

/// <summary>Starts a matching_sessions row (match, backfill, embed, validate) and its durable job in one transaction.</summary>
static class MatchingSessions
{
    public static string JobType(string kind) => $"pricewatch.{kind}";

    public static async Task<Guid> StartAsync(AppDb db, Caller caller, string kind, string? method, object payload, CancellationToken ct)
    {
        await using var tx = await PwTx.BeginAsync(db, caller, ct);
        var session = await db.ExecuteAsync<Guid>("""
            insert into pricewatch.matching_sessions (tenant_id, kind, method) values (@TenantId, @Kind, @Method) returning id
            """, new { caller.TenantId, Kind = kind, Method = method }, ct);
        var job = await JobQueue.EnqueueAsync(db, JobType(kind), new Dictionary<string, object?> { ["session_id"] = session, ["args"] = payload },
            caller.TenantId.ToString(), maxAttempts: 1, ct: ct);
        await db.ExecuteAsync("update pricewatch.matching_sessions set job_id = @Job where id = @Session", new { Job = job, Session = session }, ct);
        await tx.CommitAsync(ct);
        return session;
    }

    /// <summary>Progress and outcome writes of a running session (each in its own tenant transaction).</summary>
    public static async Task UpdateAsync(AppDb db, Guid tenant, Guid session, string sql, object args, CancellationToken ct)
    {
        await using var tx = await PwTx.BeginTenantAsync(db, tenant, ct);
        await db.ExecuteAsync(sql, args, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Marks the session finished (completed, or failed with the error) unless it already is.</summary>
    public static Task FinishAsync(AppDb db, Guid tenant, Guid session, string? error, string? engine, string? message) =>
        UpdateAsync(db, tenant, session, """
            update pricewatch.matching_sessions set status = case when @Error is null then 'completed' else 'failed' end,
                   error_message = @Error, engine = coalesce(@Engine, engine), message = coalesce(@Message, message), completed_at = now()
             where id = @Session and status = 'running'
            """, new { Session = session, Error = error, Engine = engine, Message = message }, CancellationToken.None);
}
