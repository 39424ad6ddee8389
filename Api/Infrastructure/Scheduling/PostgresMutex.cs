using System.Collections.Concurrent;
using Api.Infrastructure.Database;
using Coravel.Scheduling.Schedule.Interfaces;
using Npgsql;

namespace Api.Infrastructure.Scheduling;

/// <summary>
/// Coravel's overlap guard across instances: a session-level PostgreSQL advisory lock per key, held on its own connection
/// until <see cref="Release"/>. If the process dies, the connection closes and the lock goes with it.
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
            if (cmd.ExecuteScalar() is true && _held.TryAdd(key, conn)) return true;
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
        try
        {
            using var cmd = new NpgsqlCommand("select pg_advisory_unlock(hashtextextended($1, 0))", conn);
            cmd.Parameters.Add(new NpgsqlParameter { Value = "coravel:" + key });
            cmd.ExecuteScalar();
        }
        catch (Exception e) { log.LogWarning(e, "Could not release scheduler lock {Key}", key); }
        finally { conn.Dispose(); }
    }

    public void Dispose()
    {
        foreach (var key in _held.Keys) Release(key);
    }
}
