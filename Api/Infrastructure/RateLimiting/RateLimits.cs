using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Api.Infrastructure.Http;
using Api.Infrastructure.Tenancy;

namespace Api.Infrastructure.RateLimiting;

/// <summary>A named limit: <see cref="PermitLimit"/> requests per <see cref="Window"/> per partition (tenant, API key or client IP).</summary>
/// <remarks><paramref name="ByAddress"/>: always partition by client address, even when the request carries a key or bearer header
/// (for public sign-in endpoints, where an unchecked header would otherwise open a fresh window per made-up value).</remarks>
public sealed record RateLimitPolicy(string Name, int PermitLimit, TimeSpan Window, bool SendResetHeader = false, bool ByAddress = false);

/// <summary>Endpoint metadata naming the policy that limits it: <c>Options(b => b.WithMetadata(new RateLimited("x")))</c>.</summary>
public sealed record RateLimited(string Policy);

/// <summary>
/// Fixed-window limits on System.Threading.RateLimiting's partitioned limiter. The partition key carries the window number, so
/// <c>X-RateLimit-Reset</c> and <c>Retry-After</c> are exact. Policies come from code and can be overridden by
/// <c>RateLimits:&lt;name&gt;:PermitLimit</c> / <c>WindowSeconds</c>.
/// </summary>
public sealed class RateLimits
{
    readonly ConcurrentDictionary<string, RateLimitPolicy> _policies = new();
    readonly ConcurrentDictionary<string, PartitionedRateLimiter<string>> _limiters = new();
    readonly IConfiguration config;
    readonly TimeProvider clock;

    public RateLimits(IConfiguration config, TimeProvider clock, IEnumerable<RateLimitPolicy> policies)
    {
        (this.config, this.clock) = (config, clock);
        foreach (var p in policies) Add(p);
    }

    void Add(RateLimitPolicy policy)
    {
        var section = config.GetSection($"RateLimits:{policy.Name}");
        _policies[policy.Name] = policy with
        {
            PermitLimit = section.GetValue("PermitLimit", policy.PermitLimit),
            Window = TimeSpan.FromSeconds(section.GetValue("WindowSeconds", policy.Window.TotalSeconds)),
        };
    }

    public RateLimitPolicy? Find(string name) => _policies.GetValueOrDefault(name);

    public (RateLimitLease Lease, int Remaining, DateTimeOffset Reset) Acquire(RateLimitPolicy policy, string partition)
    {
        var now = clock.GetUtcNow();
        var window = (long)(now.ToUnixTimeMilliseconds() / policy.Window.TotalMilliseconds);
        var reset = DateTimeOffset.FromUnixTimeMilliseconds((long)((window + 1) * policy.Window.TotalMilliseconds));
        var limiter = _limiters.GetOrAdd(policy.Name, _ => PartitionedRateLimiter.Create<string, string>(key =>
            RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = policy.PermitLimit, Window = policy.Window, QueueLimit = 0, AutoReplenishment = false,
            })));
        var key = $"{partition}|{window}";
        var lease = limiter.AttemptAcquire(key);
        var remaining = (int)(limiter.GetStatistics(key)?.CurrentAvailablePermits ?? 0);
        return (lease, remaining, reset);
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
        var (lease, remaining, reset) = limits.Acquire(policy, partition);
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
