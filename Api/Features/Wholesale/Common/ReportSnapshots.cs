using System.Collections.Concurrent;
using Api.Infrastructure.Database;
using LinqToDB.Data;

namespace Api.Features.Wholesale.Common;

/// <summary>
/// Exact caches of staff report results (whole answers, and the parts over old orders that the answers reuse). Each entry
/// keeps the database snapshot (<c>pg_current_snapshot()</c>) taken just before it was computed; a read serves it only while
/// no transaction that snapshot did not see has committed a write of orders or order lines (the change log of migration
/// 0021, kept by statement triggers, so every writer of every slice and every API instance counts), optionally only writes
/// touching orders created before the entry's <c>covers</c> cutoff. That check is one indexed probe, so a report is never
/// stale and an unchanged one costs about a millisecond. An entry may also carry a moment it expires by itself (the
/// needs_attention count changes when a pending order turns 24 hours old). A missing or stale entry is computed in the
/// request (one caller per key computes, the others wait for it); an entry older than <see cref="MaxAge"/> is renewed by ONE
/// background refresh (own scope and connection) and one older than <see cref="Trust"/> is never served, so log rows older
/// than <see cref="PruneAfter"/> can be deleted. Per API instance, in memory.
/// </summary>
sealed class ReportSnapshots(IServiceScopeFactory scopes, ILogger<ReportSnapshots> log)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan Trust = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan PruneAfter = TimeSpan.FromMinutes(20);
    public const int RecentDays = 40;

    static readonly string SnapshotSql = Sql.Load<ReportSnapshots>("ReportSnapshots.Snapshot.sql");
    static readonly string ChangedSql = Sql.Load<ReportSnapshots>("ReportSnapshots.Changed.sql");
    static readonly string PruneSql = Sql.Load<ReportSnapshots>("ReportSnapshots.Prune.sql");

    sealed record State(object Value, string Snapshot, DateTimeOffset At, DateTimeOffset? Until);

    sealed class Entry
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public volatile State? State;
        public int Refreshing;
    }

    readonly ConcurrentDictionary<string, Entry> _entries = new();
    readonly ConcurrentQueue<(DateTimeOffset At, string Snapshot)> _horizons = new();
    long _lastPruneTicks;

    /// <summary>
    /// The cached value of <paramref name="key"/> if no write it depends on committed since it was computed, else <paramref name="load"/>'s.
    /// <paramref name="covers"/>: the value reads only orders created before this instant (null: any order).
    /// <paramref name="until"/>: a moment the value expires by itself (null: none).
    /// </summary>
    public async Task<T> GetAsync<T>(string key, DateTimeOffset? covers, Func<AppDb, CancellationToken, Task<T>> load, AppDb db, CancellationToken ct,
                                     Func<T, DateTimeOffset?>? until = null) where T : class
    {
        var entry = _entries.GetOrAdd(key, _ => new Entry());
        var seen = entry.State;
        if (await ServableAsync<T>(seen, covers, db, ct) is { } cached)
        {
            if (DateTimeOffset.UtcNow - seen!.At > MaxAge && Interlocked.CompareExchange(ref entry.Refreshing, 1, 0) == 0)
                _ = Task.Run(() => RefreshAsync(key, entry, covers, load, until));
            return cached;
        }
        await entry.Gate.WaitAsync(ct);
        try
        {
            var now = entry.State;
            if (!ReferenceEquals(now, seen) && await ServableAsync<T>(now, covers, db, ct) is { } done) return done;   // computed while we waited
            var value = await ComputeAsync(entry, load, until, db, ct);
            if (_entries.Count > 200) foreach (var k in _entries.Keys.Where(k => k != key).Take(100)) _entries.TryRemove(k, out _);
            return value;
        }
        finally { entry.Gate.Release(); }
    }

    static async Task<T?> ServableAsync<T>(State? state, DateTimeOffset? covers, AppDb db, CancellationToken ct) where T : class
    {
        if (state?.Value is not T value) return null;
        var now = DateTimeOffset.UtcNow;
        if (now - state.At > Trust || state.Until is { } u && now >= u) return null;
        return await db.ExecuteAsync<bool>(ChangedSql, new { Snap = state.Snapshot, Before = covers }, ct) ? null : value;
    }

    async Task<T> ComputeAsync<T>(Entry entry, Func<AppDb, CancellationToken, Task<T>> load, Func<T, DateTimeOffset?>? until, AppDb db, CancellationToken ct)
        where T : class
    {
        var at = DateTimeOffset.UtcNow;
        var snapshot = await db.ExecuteAsync<string>(SnapshotSql, new { }, ct);   // before the computation: conservative
        var value = await load(db, ct);
        entry.State = new State(value, snapshot, at, until?.Invoke(value));
        NotePrune(at, snapshot);
        return value;
    }

    async Task RefreshAsync<T>(string key, Entry entry, DateTimeOffset? covers, Func<AppDb, CancellationToken, Task<T>> load, Func<T, DateTimeOffset?>? until)
        where T : class
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            await entry.Gate.WaitAsync();
            try { await ComputeAsync(entry, load, until, db, CancellationToken.None); }
            finally { entry.Gate.Release(); }
        }
        catch (Exception e) { log.LogWarning(e, "Refreshing the report snapshot {Key} (covering orders before {Covers}) failed", key, covers); }
        finally { Interlocked.Exchange(ref entry.Refreshing, 0); }
    }

    /// <summary>
    /// Log rows of transactions older than the oldest one running <see cref="PruneAfter"/> ago can no longer be unseen by any
    /// servable entry (every one is younger than <see cref="Trust"/>), on this instance or another; at most once a minute.
    /// </summary>
    void NotePrune(DateTimeOffset at, string snapshot)
    {
        _horizons.Enqueue((at, snapshot));
        var last = Interlocked.Read(ref _lastPruneTicks);
        if (at.UtcTicks - last < TimeSpan.TicksPerMinute || Interlocked.CompareExchange(ref _lastPruneTicks, at.UtcTicks, last) != last) return;
        string? horizon = null;
        while (_horizons.TryPeek(out var h) && at - h.At >= PruneAfter && _horizons.TryDequeue(out h)) horizon = h.Snapshot;
        while (_horizons.Count > 10_000 && _horizons.TryDequeue(out _)) { }
        if (horizon is null) return;
        _ = Task.Run(async () =>
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AppDb>().ExecuteAsync(PruneSql, new { Snap = horizon }, CancellationToken.None);
            }
            catch (Exception e) { log.LogWarning(e, "Pruning the report change log failed"); }
        });
    }
}
