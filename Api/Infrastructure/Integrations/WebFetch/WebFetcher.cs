using System.Collections.Concurrent;
using System.Net;

namespace Api.Infrastructure.Integrations.WebFetch;

public sealed record FetchResult(HttpStatusCode Status, string Body, string? ContentType, Uri FinalUri);

/// <summary>
/// A polite fetcher for public web pages: at most <c>Integrations:WebFetch:PerHostConcurrency</c> (default 2) requests in
/// flight per host, a minimum gap of <c>MinDelayMs</c> (default 250) between requests to the same host, a per-request
/// timeout (<c>TimeoutSeconds</c>, default 20) and an identifying User-Agent. Retries are the caller's decision.
/// </summary>
public sealed class WebFetcher(HttpClient http, IConfiguration config)
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

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(Timeout);
            using var req = new HttpRequestMessage(HttpMethod.Get, uri);
            req.Headers.UserAgent.ParseAdd("PriceWatchBot/1.0 (+price monitoring; respects per-host limits)");
            req.Headers.Accept.ParseAdd("text/html,application/json;q=0.9,*/*;q=0.8");
            try
            {
                using var rsp = await http.SendAsync(req, HttpCompletionOption.ResponseContentRead, timeout.Token);
                var body = await rsp.Content.ReadAsStringAsync(timeout.Token);
                return new FetchResult(rsp.StatusCode, body, rsp.Content.Headers.ContentType?.MediaType, rsp.RequestMessage?.RequestUri ?? uri);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new TimeoutException($"GET {uri} timed out after {Timeout.TotalSeconds:0} s");
            }
        }
        finally { host.Slots.Release(); }
    }
}
