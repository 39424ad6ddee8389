using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Api.Infrastructure.RateLimiting;
using ErrorOr;

namespace Api.Features.Wholesale.Common;

/// <summary>
/// Sign-in and recovery are limited per client address by the endpoint's policy (<see cref="WholesaleModule.SignIn"/>) and,
/// here, per identifier (username, email or phone, hashed) so that spreading guesses over many addresses still meets a limit.
/// </summary>
sealed class SignInLimit(RateLimits limits)
{
    /// <summary>A 429 error (with Retry-After in its metadata) when this identifier used up its window.</summary>
    public ErrorOr<Success> Check(HttpContext ctx, string identifier) => CheckAsync(ctx, identifier).AsTask().GetAwaiter().GetResult();

    /// <summary>A 429 error (with Retry-After in its metadata) when this identifier used up its window, counted cluster-wide.</summary>
    public async ValueTask<ErrorOr<Success>> CheckAsync(HttpContext ctx, string identifier)
    {
        if (limits.Find(WholesaleModule.SignIn) is not { } policy) return Result.Success;
        var key = "wsid:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(identifier.Trim().ToLowerInvariant())))[..24];
        var (lease, _, reset) = await limits.AcquireAsync(policy, key, ctx.RequestAborted);
        using (lease)
        {
            if (lease.IsAcquired) return Result.Success;
            var retry = Math.Max(1, (int)Math.Ceiling((reset - DateTimeOffset.UtcNow).TotalSeconds));
            ctx.Response.Headers.RetryAfter = retry.ToString(CultureInfo.InvariantCulture);
            return Error.Custom(429, "RATE_LIMITED", "Too many attempts; try again later");
        }
    }
}
