using System.Collections.Concurrent;
using System.Net;
using Api.Infrastructure.Integrations.Outbound;

namespace Api.Infrastructure.Integrations.WebFetch;

public sealed record FetchResult(HttpStatusCode Status, string Body, string? ContentType, Uri FinalUri);

/// <summary>
/// A polite fetcher for public web pages: at most <c>Integrations:WebFetch:PerHostConcurrency</c> (default 2) requests in
/// flight per host, a minimum gap of <c>MinDelayMs</c> (default 250) between requests to the same host, a per-request
/// timeout (<c>TimeoutSeconds</c>, default 20) and an identifying User-Agent. Retries are the caller's decision. Every
/// request goes through <see cref="GuardedHttp"/>: public addresses only, redirects re-checked, body capped at
/// <c>Outbound:MaxResponseBytes</c>; a refused destination throws <see cref="OutboundRefusedException"/>.
/// </summary>
public sealed class WebFetcher(GuardedHttp http, IConfiguration config)
{
    sealed class Host(int concurrency)
    {
        public readonly SemaphoreSlim Slots = new(concurrency, concurrency);
        public readonly SemaphoreSlim Pace = new(1, 1);
        public DateTimeOffset Next = DateTimeOffset.MinValue;
    }

    readonly ConcurrentDictionary<string, Host> _hosts = new(StringComparer.OrdinalIgnoreCase);
    int Concurrency => Math.Max(1, config.GetValue("Integrations:WebFetch:PerHostConcurrency", 2));
    TimeSpan MinDelay => TimeSpan.FromMilliseconds(config.GetValue("Integrations:WebFetch:MinDelayMs", 250));
    TimeSpan Timeout => TimeSpan.FromSeconds(config.GetValue("Integrations:WebFetch:TimeoutSeconds", 20));

    public async Task<FetchResult> GetAsync(Uri uri, CancellationToken ct)
    {
        var host = _hosts.GetOrAdd(uri.Authority, _ => new Host(Concurrency));
        await host.Slots.WaitAsync(ct);
        try
        {
            await host.Pace.WaitAsync(ct);
            try
            {
                var wait = host.Next - DateTimeOffset.UtcNow;
                if (wait > TimeSpan.Zero) await Task.Delay(wait, ct);
                host.Next = DateTimeOffset.UtcNow + MinDelay;
            }
            finally { host.Pace.Release(); }

            var rsp = await http.GetAsync(uri, ct, req =>
            {
                req.Headers.UserAgent.ParseAdd("PriceWatchBot/1.0 (+price monitoring; respects per-host limits)");
                req.Headers.Accept.ParseAdd("text/html,application/json;q=0.9,*/*;q=0.8");
            }, new GuardedLimits(Timeout: Timeout));
            return new FetchResult(rsp.Status, rsp.Text, rsp.ContentType, rsp.FinalUri);
        }
        finally { host.Slots.Release(); }
    }
}
