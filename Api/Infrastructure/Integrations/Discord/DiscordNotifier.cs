using System.Text.Json;
using Api.Infrastructure.Database;
using Api.Infrastructure.Integrations.Outbound;
using Npgsql;

namespace Api.Infrastructure.Integrations.Discord;

/// <summary>How a notice left: <c>sent</c> (the webhook accepted it), <c>failed</c> (it refused or was unreachable) or <c>outbox</c>.</summary>
public sealed record DiscordResult(bool Sent, string Status);

/// <summary>Posts a notice to a Discord channel's webhook. Slices decide what to say; this only delivers and records.</summary>
public interface IDiscordNotifier
{
    /// <summary><paramref name="payload"/> is a Discord webhook body (e.g. <c>new { content = "..." }</c> or embeds).</summary>
    Task<DiscordResult> NotifyAsync(string channel, object payload, CancellationToken ct);
}

/// <summary>
/// <c>Wholesale:Discord:Webhooks:&lt;channel&gt;</c> holds each channel's webhook URL (a secret: never logged). With a URL the
/// payload is posted through the platform's guarded client (public addresses only, redirects re-checked); without one, or when the post fails, it is kept in
/// wholesale.discord_outbox and a log line names the channel. Every notice gets a row (status outbox, sent or failed).
/// </summary>
sealed class DiscordNotifier(IConfiguration config, Outbound.GuardedHttp http, Db db, ILogger<DiscordNotifier> log) : IDiscordNotifier
{
    public const string HttpClientName = "discord";
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public async Task<DiscordResult> NotifyAsync(string channel, object payload, CancellationToken ct)
    {
        var json = JsonSerializer.Serialize(payload, payload.GetType(), Json);
        var url = config[$"Wholesale:Discord:Webhooks:{channel}"];
        if (string.IsNullOrWhiteSpace(url))
        {
            await RecordAsync(channel, json, "outbox", null, ct);
            log.LogInformation("Discord notice for channel {Channel} kept in wholesale.discord_outbox (no webhook configured)", channel);
            return new DiscordResult(false, "outbox");
        }
        string? error = null;
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var rsp = await http.SendAsync(HttpMethod.Post, new Uri(url), () => new StringContent(json, System.Text.Encoding.UTF8, "application/json"), ct,
                    limits: new Outbound.GuardedLimits(Timeout: TimeSpan.FromSeconds(10), MaxRedirects: 0));
                if (rsp.IsSuccess)
                {
                    await RecordAsync(channel, json, "sent", null, ct);
                    return new DiscordResult(true, "sent");
                }
                error = $"webhook answered {(int)rsp.Status}";
                // 429: Discord says how long to wait (body retry_after in seconds, else the Retry-After header); wait and retry
                if ((int)rsp.Status != 429 || attempt >= MaxAttempts || RetryAfter(rsp) is not { } wait) break;
                if (wait > MaxWait) { error = $"webhook rate limited for {wait.TotalSeconds:0.###} s"; break; }
                log.LogInformation("Discord rate-limited the notice for channel {Channel}; retrying in {Wait} ms", channel, (int)wait.TotalMilliseconds);
                await Task.Delay(wait, ct);
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or UriFormatException && !ct.IsCancellationRequested)
        {
            error = $"webhook unreachable ({e.GetType().Name})";
        }
        await RecordAsync(channel, json, "failed", error, ct);
        log.LogWarning("Discord notice for channel {Channel} failed ({Error}); kept in wholesale.discord_outbox", channel, error);
        return new DiscordResult(false, "failed");
    }

    const int MaxAttempts = 3;
    static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    /// <summary>Discord's wait: the JSON body's <c>retry_after</c> (seconds, may be fractional), else the <c>Retry-After</c> header.</summary>
    static TimeSpan? RetryAfter(Outbound.GuardedResponse rsp)
    {
        try
        {
            if (JsonDocument.Parse(rsp.Body).RootElement is { ValueKind: JsonValueKind.Object } root
                && root.TryGetProperty("retry_after", out var ra) && ra.TryGetDouble(out var seconds) && seconds >= 0)
                return TimeSpan.FromSeconds(seconds);
        }
        catch (JsonException) { }
        if (rsp.Headers.RetryAfter?.Delta is { } delta) return delta;
        if (rsp.Headers.TryGetValues("Retry-After", out var values) && double.TryParse(values.FirstOrDefault(), System.Globalization.NumberStyles.Float,
                System.Globalization.CultureInfo.InvariantCulture, out var s2)) return TimeSpan.FromSeconds(s2);
        return null;
    }

    async Task RecordAsync(string channel, string json, string status, string? error, CancellationToken ct)
    {
        await using var cmd = db.App.CreateCommand("""
            insert into wholesale.discord_outbox (channel, payload, status, error, sent_at)
            values ($1, $2::jsonb, $3, $4, case when $3 = 'sent' then now() end)
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = channel });
        cmd.Parameters.Add(new NpgsqlParameter { Value = json });
        cmd.Parameters.Add(new NpgsqlParameter { Value = status });
        cmd.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = error });
        await cmd.ExecuteNonQueryAsync(CancellationToken.None);
    }
}

public static class DiscordRegistration
{
    /// <summary>Posts go through <see cref="Outbound.GuardedHttp"/> (no private addresses, no redirects followed).</summary>
    public static IServiceCollection AddDiscordNotifier(this IServiceCollection services)
    {
        services.AddOutboundGuard();
        services.AddScoped<IDiscordNotifier, DiscordNotifier>();
        return services;
    }
}
