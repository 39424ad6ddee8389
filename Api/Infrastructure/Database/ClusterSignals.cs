using System.Collections.Concurrent;
using LinqToDB.Data;
using Npgsql;

namespace Api.Infrastructure.Database;

/// <summary>
/// Tells every instance on the database that something it may hold in memory changed (issue 20 §3): PostgreSQL
/// <c>NOTIFY</c> on one channel, <c>LISTEN</c>ed by one long-lived connection per instance. A cache subscribes to a topic
/// and drops the key it is told; writers publish after their commit (<see cref="Publish"/>) or inside their transaction
/// (<see cref="NotifyInTransactionAsync"/>, delivered only if it commits). Own signals come back too, which is harmless.
/// While the listening connection is down signals can be missed, so each subscriber also says how to drop everything;
/// that runs whenever the connection is (re)established after the first time. Delivery is typically a few milliseconds.
/// LISTEN needs a session: behind PgBouncer in transaction mode point <c>Database:ListenConnectionString</c> at PostgreSQL
/// itself (docs/scaling.md).
/// </summary>
public sealed class ClusterSignals(Db db, IConfiguration config, ILogger<ClusterSignals> log) : BackgroundService
{
    public const string Channel = "slices_signals";
    readonly ConcurrentDictionary<string, ConcurrentBag<Action<string>>> _handlers = new(StringComparer.Ordinal);
    readonly ConcurrentBag<Action> _resets = [];
    readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once this instance listens (tests wait for it).</summary>
    public Task Listening => _listening.Task;

    public void Subscribe(string topic, Action<string> onSignal, Action onMissed)
    {
        _handlers.GetOrAdd(topic, _ => []).Add(onSignal);
        _resets.Add(onMissed);
    }

    /// <summary>Fire and forget, after the write committed; a failure is logged (the other instances' caches expire on their own).</summary>
    public void Publish(string topic, string key) => _ = PublishAsync(topic, key);

    public async Task PublishAsync(string topic, string key, CancellationToken ct = default)
    {
        try
        {
            if (!db.Ready.IsCompletedSuccessfully) return;
            await using var cmd = db.App.CreateCommand("select pg_notify($1, $2)");
            cmd.Parameters.Add(new() { Value = Channel });
            cmd.Parameters.Add(new() { Value = topic + "|" + key });
            await cmd.ExecuteNonQueryAsync(ct);
        }
        catch (Exception e) { log.LogWarning("Could not signal {Topic} to the other instances: {Error}", topic, e.Message); }
    }

    /// <summary>Queued in the caller's transaction: the other instances hear it when (and only if) it commits.</summary>
    public static Task NotifyInTransactionAsync(DataConnection tx, string topic, string key, CancellationToken ct) =>
        tx.ExecuteAsync("select pg_notify(@Channel, @Payload)", ct, new DataParameter("Channel", Channel), new DataParameter("Payload", topic + "|" + key));

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        try { await db.Ready.WaitAsync(stop); } catch (OperationCanceledException) { return; }
        var connectionString = config["Database:ListenConnectionString"] is { Length: > 0 } own ? own
            : new NpgsqlConnectionStringBuilder(db.AppConnectionString) { Pooling = false, KeepAlive = 30 }.ConnectionString;
        var first = true;
        var warned = false;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await using var conn = new NpgsqlConnection(connectionString);
                conn.Notification += (_, e) => Deliver(e.Payload);
                await conn.OpenAsync(stop);
                await using (var listen = new NpgsqlCommand($"listen {Channel}", conn)) await listen.ExecuteNonQueryAsync(stop);
                if (!first) ResetAll();   // what was signalled while we were away is unknown: drop everything
                first = false;
                if (warned) log.LogInformation("Cluster signals: listening again");
                warned = false;
                _listening.TrySetResult();
                while (!stop.IsCancellationRequested) await conn.WaitAsync(stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                if (!warned) log.LogWarning("Cluster signals: listening connection lost ({Error}); retrying", e.Message);
                warned = true;
                try { await Task.Delay(TimeSpan.FromSeconds(1), stop); } catch (OperationCanceledException) { return; }
            }
        }
    }

    void Deliver(string payload)
    {
        var bar = payload.IndexOf('|');
        if (bar <= 0 || !_handlers.TryGetValue(payload[..bar], out var handlers)) return;
        foreach (var h in handlers)
            try { h(payload[(bar + 1)..]); }
            catch (Exception e) { log.LogWarning(e, "Cluster signal handler for {Payload} failed", payload); }
    }

    void ResetAll()
    {
        foreach (var r in _resets)
            try { r(); } catch (Exception e) { log.LogWarning(e, "Cluster signal reset failed"); }
    }
}
