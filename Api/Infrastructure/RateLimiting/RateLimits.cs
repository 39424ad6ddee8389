using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using Api.Infrastructure.Tenancy;
using Npgsql;

namespace Api.Infrastructure.RateLimiting;

/// <summary>A named limit: <see cref="PermitLimit"/> requests per <see cref="Window"/> per partition (tenant, API key or client IP).</summary>
/// <remarks><paramref name="ByAddress"/>: always partition by client address, even when the request carries a key or bearer header
/// (for public sign-in endpoints, where an unchecked header would otherwise open a fresh window per made-up value).</remarks>
public sealed record RateLimitPolicy(string Name, int PermitLimit, TimeSpan Window, bool SendResetHeader = false, bool ByAddress = false);

/// <summary>Endpoint metadata naming the policy that limits it: <c>Options(b => b.WithMetadata(new RateLimited("x")))</c>.</summary>
public sealed record RateLimited(string Policy);

/// <summary>
/// Fixed-window limits that hold across every instance sharing the database (issue 20 §3). The window number is the Unix time
/// divided by the window, so <c>X-RateLimit-Reset</c> and <c>Retry-After</c> are exact. Permits are taken from one counter row
/// per (policy, partition, window) in <c>platform.rate_limit_counters</c> with one upsert (<c>platform.rate_limit_take</c>).
/// Limits up to 100 per window take one permit per request, so they are exact across instances; bigger limits take a small
/// block (1 % of the limit, <c>RateLimits:&lt;name&gt;:Block</c>) and spend it locally, so an instance asks the database once
/// per block. An instance that learned a window is spent refuses locally until the window ends (a flood costs no writes).
/// While the database cannot be reached each instance falls back to its own in-memory window (<c>RateLimits:Store</c> =
/// <c>memory</c> uses only that). Policies come from code and can be overridden by <c>RateLimits:&lt;name&gt;:PermitLimit</c> /
/// <c>WindowSeconds</c>.
/// </summary>
public sealed class RateLimits : IDisposable
{
    readonly ConcurrentDictionary<string, RateLimitPolicy> _policies = new();
    readonly ConcurrentDictionary<string, int> _blocks = new();
    readonly ConcurrentDictionary<string, PartitionedRateLimiter<string>> _local = new();
    readonly ConcurrentDictionary<(string Policy, string Partition, long Window), Allowance> _allowances = new();
    readonly IConfiguration config;
    readonly TimeProvider clock;
    readonly Db? db;
    readonly ILogger<RateLimits>? log;
    readonly bool _shared;
    readonly ITimer? _sweep;
    int _fallbackLogged;

    /// <summary>This instance's share of one window. Spending is lock-free (every request of a tenant spends from the same
    /// allowance, and a lock here was the one contended monitor of the read benchmark); only a grant from the database takes
    /// the lock, and it publishes the new totals as one immutable <see cref="Grant"/>, so a spender never sees half of it.</summary>
    sealed class Allowance
    {
        public int Consumed;                   // permits spent here (Interlocked)
        public volatile Grant Totals = Grant.None;
        public volatile bool Spent;            // the database granted less than asked: nothing is left in this window
        public Task? Refill;                   // the ask to the database in flight, if any (under the lock)
    }

    /// <param name="Granted">permits the database granted this instance in the window</param>
    /// <param name="HandedOut">permits the cluster had handed out (capped at the limit) after our last grant</param>
    sealed record Grant(int Granted, long HandedOut)
    {
        public static readonly Grant None = new(0, 0);
    }

    public RateLimits(IConfiguration config, TimeProvider clock, IEnumerable<RateLimitPolicy> policies, Db? db = null, ILogger<RateLimits>? log = null)
    {
        (this.config, this.clock, this.db, this.log) = (config, clock, db, log);
        _shared = db is not null && !string.Equals(config["RateLimits:Store"], "memory", StringComparison.OrdinalIgnoreCase);
        foreach (var p in policies) Add(p);
        if (_shared) _sweep = clock.CreateTimer(_ => _ = SweepAsync(), null, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));
    }

    void Add(RateLimitPolicy policy)
    {
        var section = config.GetSection($"RateLimits:{policy.Name}");
        var p = policy with
        {
            PermitLimit = section.GetValue("PermitLimit", policy.PermitLimit),
            Window = TimeSpan.FromSeconds(section.GetValue("WindowSeconds", policy.Window.TotalSeconds)),
        };
        _policies[policy.Name] = p;
    }

    int BlockOf(RateLimitPolicy p) => _blocks.GetOrAdd(p.Name, _ =>
        Math.Clamp(config.GetValue($"RateLimits:{p.Name}:Block", p.PermitLimit <= 100 ? 1 : p.PermitLimit / 100), 1, Math.Max(1, p.PermitLimit)));

    public RateLimitPolicy? Find(string name) => _policies.GetValueOrDefault(name);

    /// <summary>Takes one permit. Prefer <see cref="AcquireAsync"/>; this blocks on the database round trip when it needs one.</summary>
    public (RateLimitLease Lease, int Remaining, DateTimeOffset Reset) Acquire(RateLimitPolicy policy, string partition) =>
        AcquireAsync(policy, partition).AsTask().GetAwaiter().GetResult();

    public async ValueTask<(RateLimitLease Lease, int Remaining, DateTimeOffset Reset)> AcquireAsync(RateLimitPolicy policy, string partition,
        CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var windowMs = policy.Window.TotalMilliseconds;
        var window = (long)(now.ToUnixTimeMilliseconds() / windowMs);
        var reset = DateTimeOffset.FromUnixTimeMilliseconds((long)((window + 1) * windowMs));
        if (!_shared || !db!.Ready.IsCompletedSuccessfully) return Local(policy, partition, window, reset);

        var allowance = _allowances.GetOrAdd((policy.Name, partition, window), _ => new Allowance());
        while (true)
        {
            switch (TrySpend(policy, allowance))
            {
                case (true, var left): return (Lease.Granted, left, reset);
                case (false, _) when allowance.Spent: return (Lease.Refused, 0, reset);
            }
            // one refill in flight per allowance: when a block runs out (or a window starts) under load, the requests in flight
            // wait for that one ask instead of each queueing on the same counter row with its own commit
            Task refill;
            lock (allowance)
                refill = allowance.Refill is { IsCompleted: false } running ? running
                    : allowance.Refill = RefillAsync(policy, partition, window, reset, allowance);
            try
            {
                await refill.WaitAsync(ct);
                Volatile.Write(ref _fallbackLogged, 0);
            }
            catch (Exception e) when (DbOutage.IsUnavailable(e) || e is NpgsqlException or TimeoutException)
            {
                if (Interlocked.Exchange(ref _fallbackLogged, 1) == 0)
                    log?.LogWarning("Rate limits fall back to this instance's own counters: {Error}", e.Message);
                return Local(policy, partition, window, reset);
            }
        }
    }

    /// <summary>Asks the database for the next block of this window and publishes it. Not tied to the first asker's
    /// cancellation: the others waiting on it still need the answer.</summary>
    async Task RefillAsync(RateLimitPolicy policy, string partition, long window, DateTimeOffset reset, Allowance allowance)
    {
        await Task.Yield();   // leave the lock and the caller before the round trip
        var (granted, before) = await TakeAsync(policy, partition, window, BlockOf(policy), reset, CancellationToken.None);
        lock (allowance)
        {
            allowance.Totals = new Grant(allowance.Totals.Granted + granted, Math.Min(policy.PermitLimit, before + granted));
            if (granted < BlockOf(policy)) allowance.Spent = true;
        }
    }

    /// <summary>Spends one permit of this instance's allowance; the remaining count is the cluster's, less what we hold unspent.</summary>
    static (bool Spent, int Remaining) TrySpend(RateLimitPolicy policy, Allowance a)
    {
        while (true)
        {
            var totals = a.Totals;   // Granted only grows, so spending against an older snapshot never overspends
            var consumed = Volatile.Read(ref a.Consumed);
            if (consumed >= totals.Granted) return (false, 0);
            if (Interlocked.CompareExchange(ref a.Consumed, consumed + 1, consumed) != consumed) continue;
            var used = totals.HandedOut - (totals.Granted - (consumed + 1));
            return (true, (int)Math.Max(0, policy.PermitLimit - used));
        }
    }

    async Task<(int Granted, long TakenBefore)> TakeAsync(RateLimitPolicy policy, string partition, long window, int want, DateTimeOffset reset, CancellationToken ct)
    {
        await using var cmd = db!.App.CreateCommand("select granted, taken_before from platform.rate_limit_take($1, $2, $3, $4, $5, $6)");
        cmd.Parameters.Add(new() { Value = policy.Name });
        cmd.Parameters.Add(new() { Value = partition });
        cmd.Parameters.Add(new() { Value = window });
        cmd.Parameters.Add(new() { Value = policy.PermitLimit });
        cmd.Parameters.Add(new() { Value = want });
        cmd.Parameters.Add(new() { Value = reset.AddSeconds(5) });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        return (r.GetInt32(0), r.GetInt64(1));
    }

    (RateLimitLease Lease, int Remaining, DateTimeOffset Reset) Local(RateLimitPolicy policy, string partition, long window, DateTimeOffset reset)
    {
        var limiter = _local.GetOrAdd(policy.Name, _ => PartitionedRateLimiter.Create<string, string>(key =>
            RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = policy.PermitLimit, Window = policy.Window, QueueLimit = 0, AutoReplenishment = false,
            })));
        var key = $"{partition}|{window}";
        var lease = limiter.AttemptAcquire(key);
        var remaining = (int)(limiter.GetStatistics(key)?.CurrentAvailablePermits ?? 0);
        return (lease, remaining, reset);
    }

    /// <summary>Drops ended windows here and expired counter rows in the database (any instance may; it is idempotent).</summary>
    async Task SweepAsync()
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var key in _allowances.Keys)
            if (_policies.TryGetValue(key.Policy, out var p) && (key.Window + 1) * p.Window.TotalMilliseconds < now) _allowances.TryRemove(key, out _);
        try
        {
            await using var cmd = db!.App.CreateCommand("delete from platform.rate_limit_counters where expires_at < now()");
            await cmd.ExecuteNonQueryAsync();
        }
        catch (Exception e) { log?.LogDebug(e, "Rate-limit counter sweep failed"); }
    }

    public void Dispose() => _sweep?.Dispose();

    sealed class Lease(bool acquired) : RateLimitLease
    {
        public static readonly Lease Granted = new(true), Refused = new(false);
        public override bool IsAcquired => acquired;
        public override IEnumerable<string> MetadataNames => [];
        public override bool TryGetMetadata(string metadataName, out object? metadata) { metadata = null; return false; }
        protected override void Dispose(bool disposing) { }
    }

    /// <summary>
    /// Tenant when signed in, else the authenticated subject (a user without a workspace, an ingest key), else the client
    /// address. A credential that did not authenticate (missing, junk or invalid) never names the partition: a new junk
    /// <c>Authorization</c> or <c>X-API-Key</c> per request would otherwise get a fresh budget each time (issue 17 §6).
    /// </summary>
    public static string PartitionOf(HttpContext ctx)
    {
        if (ctx.User.FindFirst(TenantContext.Claim)?.Value is { } tenant) return "t:" + tenant;
        if (ctx.User.Identities.Any(i => i.IsAuthenticated) && ctx.User.FindFirst("sub")?.Value is { Length: > 0 } sub)
            return "s:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sub)))[..16];
        return "ip:" + (ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown");
    }
}

public sealed class RateLimitMiddleware(RequestDelegate next, RateLimits limits)
{
    public async Task InvokeAsync(HttpContext ctx)
    {
        var name = ctx.GetEndpoint()?.Metadata.GetMetadata<RateLimited>()?.Policy;
        if (name is null || limits.Find(name) is not { } policy) { await next(ctx); return; }

        var partition = policy.ByAddress ? "ip:" + (ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown") : RateLimits.PartitionOf(ctx);
        var (lease, remaining, reset) = await limits.AcquireAsync(policy, partition, ctx.RequestAborted);
        using (lease)
        {
            var headers = ctx.Response.Headers;
            headers["X-RateLimit-Limit"] = policy.PermitLimit.ToString(CultureInfo.InvariantCulture);
            headers["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
            if (policy.SendResetHeader) headers["X-RateLimit-Reset"] = reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            if (lease.IsAcquired) { await next(ctx); return; }

            var retryAfter = Math.Max(1, (int)Math.Ceiling((reset - DateTimeOffset.UtcNow).TotalSeconds));
            headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
            await ApiErrors.WriteAsync(ctx, new ApiError(429, null, "Rate limit exceeded"));
        }
    }
}
