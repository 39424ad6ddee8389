using System.Collections.Concurrent;
using Api.Infrastructure.Database;

namespace Api.Features.Wholesale.StaffReports;

/// <summary>
/// Snapshots of the report parts that change rarely (closed business months of the profit dashboard, orders older than
/// <see cref="RecentDays"/> days in all-time stats), so the reports stay fast on a large order table; the recent part is
/// always read live. A snapshot is at most <see cref="MaxAge"/> old for correctness purposes: past that, the next request
/// still gets the old snapshot and starts ONE background refresh (its own scope and connection); a missing snapshot is
/// computed in the request (one caller computes, the others wait for it). Per API instance, in memory.
/// </summary>
sealed class ReportSnapshots(IServiceScopeFactory scopes, ILogger<ReportSnapshots> log)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);
    public const int RecentDays = 40;

    sealed class Entry
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public object? Value;
        public DateTimeOffset At;
        public int Refreshing;
    }

    readonly ConcurrentDictionary<string, Entry> _entries = new();

    public async Task<T> GetAsync<T>(string key, Func<AppDb, CancellationToken, Task<T>> load, AppDb db, CancellationToken ct) where T : class
    {
        var entry = _entries.GetOrAdd(key, _ => new Entry());
        if (entry.Value is T cached)
        {
            if (DateTimeOffset.UtcNow - entry.At > MaxAge && Interlocked.CompareExchange(ref entry.Refreshing, 1, 0) == 0)
                _ = Task.Run(() => RefreshAsync(key, entry, load));
            return cached;
        }
        await entry.Gate.WaitAsync(ct);
        try
        {
            if (entry.Value is T done) return done;
            var value = await load(db, ct);
            (entry.Value, entry.At) = (value, DateTimeOffset.UtcNow);
            if (_entries.Count > 200) foreach (var k in _entries.Keys.Where(k => k != key).Take(100)) _entries.TryRemove(k, out _);
            return value;
        }
        finally { entry.Gate.Release(); }
    }

    async Task RefreshAsync<T>(string key, Entry entry, Func<AppDb, CancellationToken, Task<T>> load) where T : class
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var value = await load(scope.ServiceProvider.GetRequiredService<AppDb>(), CancellationToken.None);
            (entry.Value, entry.At) = (value, DateTimeOffset.UtcNow);
        }
        catch (Exception e) { log.LogWarning(e, "Refreshing the report snapshot {Key} failed; the previous one is served", key); }
        finally { Interlocked.Exchange(ref entry.Refreshing, 0); }
    }
}
