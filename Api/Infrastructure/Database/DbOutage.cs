using System.Net.Sockets;
using Npgsql;

namespace Api.Infrastructure.Database;

/// <summary>
/// The database going away (issue 17 §5). Requests whose database call fails because PostgreSQL is unreachable answer 503 in
/// their module's envelope with <c>Retry-After</c> (see <c>ErrorMiddleware</c>) instead of a logged 500 each. The first such
/// failure logs one warning and starts a probe (<c>select 1</c> every <see cref="ProbeInterval"/>); when the probe succeeds the
/// pools are cleared of dead connections and one warning says the outage ended. No restart is needed.
/// </summary>
public sealed class DbOutage(Db db, ILogger<DbOutage> log)
{
    public static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(250);
    public const int RetryAfterSeconds = 5;
    int _down;
    DateTimeOffset _since;

    public bool IsDown => Volatile.Read(ref _down) == 1;

    /// <summary>True for failures that mean "PostgreSQL cannot be reached or is shutting down", not for a bad statement.</summary>
    public static bool IsUnavailable(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            switch (x)
            {
                case PostgresException pg:
                    return pg.SqlState.StartsWith("08", StringComparison.Ordinal)   // connection exceptions
                           || pg.SqlState is "57P01" or "57P02" or "57P03" or "53300";   // shutdown, crash, starting up, too many connections
                case NpgsqlException { IsTransient: true }:
                case SocketException:
                    return true;
                case NpgsqlException n when n.InnerException is IOException or SocketException or TimeoutException:
                    return true;
                case NpgsqlException n when n.Message.Contains("connection pool has been exhausted", StringComparison.OrdinalIgnoreCase):
                    return true;
            }
        }
        return false;
    }

    /// <summary>Records a failure; the first of an outage logs the warning and starts the probe.</summary>
    public void Report(Exception e)
    {
        if (Interlocked.Exchange(ref _down, 1) == 1) return;
        _since = DateTimeOffset.UtcNow;
        log.LogWarning("Database unreachable ({Error}); requests answer 503 until it is back", Describe(e));
        _ = Task.Run(ProbeAsync);
    }

    async Task ProbeAsync()
    {
        while (true)
        {
            await Task.Delay(ProbeInterval);
            try
            {
                await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(db.AppConnectionString) { Pooling = false, Timeout = 2 }.ConnectionString);
                await conn.OpenAsync();
                await using var cmd = new NpgsqlCommand("select 1", conn);
                await cmd.ExecuteScalarAsync();
            }
            catch (Exception e) when (e is NpgsqlException or SocketException or IOException or TimeoutException) { continue; }
            db.App.Clear();   // pooled connections of before the outage are dead
            db.Owner.Clear();
            Volatile.Write(ref _down, 0);
            log.LogWarning("Database reachable again after {Seconds:F1} s", (DateTimeOffset.UtcNow - _since).TotalSeconds);
            return;
        }
    }

    static string Describe(Exception e) => e switch
    {
        PostgresException pg => $"{pg.SqlState} {pg.MessageText}",
        _ => e.GetBaseException() is { } b ? $"{b.GetType().Name}: {b.Message}" : e.GetType().Name,
    };
}
