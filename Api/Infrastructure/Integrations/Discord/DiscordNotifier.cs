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
            var rsp = await http.SendAsync(HttpMethod.Post, new Uri(url), () => new StringContent(json, System.Text.Encoding.UTF8, "application/json"), ct,
                limits: new Outbound.GuardedLimits(Timeout: TimeSpan.FromSeconds(10), MaxRedirects: 0));
            if (rsp.IsSuccess)
            {
                await RecordAsync(channel, json, "sent", null, ct);
                return new DiscordResult(true, "sent");
            }
            error = $"webhook answered {(int)rsp.Status}";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or UriFormatException && !ct.IsCancellationRequested)
        {
            error = $"webhook unreachable ({e.GetType().Name})";
        }
        await RecordAsync(channel, json, "failed", error, ct);
        log.LogWarning("Discord notice for channel {Channel} failed ({Error}); kept in wholesale.discord_outbox", channel, error);
        return new DiscordResult(false, "failed");
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
