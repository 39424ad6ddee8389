using System.Collections.Concurrent;
using Api.Infrastructure.Database;
using Coravel.Scheduling.Schedule.Interfaces;
using Npgsql;

namespace Api.Infrastructure.Scheduling;

/// <summary>
/// Coravel's overlap guard across instances: a session-level PostgreSQL advisory lock per key, held on its own connection
/// until <see cref="Release"/>. If the process dies, the connection closes and the lock goes with it. Under the lock the
/// run also claims its occurrence, the current minute by the database's clock, in <c>platform.schedule_occurrences</c>:
/// every schedule here is per minute or coarser, so each occurrence runs on one instance only, even when the first
/// instance finished before another's scheduler ticked (issue 20 §3). The owner connection must reach PostgreSQL itself,
/// not PgBouncer in transaction mode (session lock; docs/scaling.md).
/// </summary>
public sealed class PostgresMutex(Db db, ILogger<PostgresMutex> log) : IMutex, IDisposable
{
    readonly ConcurrentDictionary<string, NpgsqlConnection> _held = new();

    public bool TryGetLock(string key, int timeoutMinutes)
    {
        if (!db.Ready.IsCompletedSuccessfully) return false;
        NpgsqlConnection? conn = null;
        try
        {
            conn = db.Owner.OpenConnection();
            using var cmd = new NpgsqlCommand("select pg_try_advisory_lock(hashtextextended($1, 0))", conn);
            cmd.Parameters.Add(new NpgsqlParameter { Value = "coravel:" + key });
            if (cmd.ExecuteScalar() is not true) { conn.Dispose(); return false; }
            using var claim = new NpgsqlCommand("""
                with gone as (delete from platform.schedule_occurrences where task = $1 and slot < now() - interval '2 days')
                insert into platform.schedule_occurrences (task, slot) values ($1, date_trunc('minute', now())) on conflict do nothing
                """, conn);
            claim.Parameters.Add(new NpgsqlParameter { Value = key });
            if (claim.ExecuteNonQuery() == 1 && _held.TryAdd(key, conn)) return true;
            Unlock(conn, key);   // this minute's run already happened elsewhere
            conn.Dispose();
            return false;
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Could not take scheduler lock {Key}", key);
            conn?.Dispose();
            return false;
        }
    }

    public void Release(string key)
    {
        if (!_held.TryRemove(key, out var conn)) return;
        try { Unlock(conn, key); }
        catch (Exception e) { log.LogWarning(e, "Could not release scheduler lock {Key}", key); }
        finally { conn.Dispose(); }
    }

    static void Unlock(NpgsqlConnection conn, string key)
    {
        using var cmd = new NpgsqlCommand("select pg_advisory_unlock(hashtextextended($1, 0))", conn);
        cmd.Parameters.Add(new NpgsqlParameter { Value = "coravel:" + key });
        cmd.ExecuteScalar();
    }

    public void Dispose()
    {
        foreach (var key in _held.Keys) Release(key);
    }
}
