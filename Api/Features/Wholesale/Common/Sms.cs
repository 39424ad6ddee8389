using Api.Infrastructure.Database;
using Npgsql;

namespace Api.Features.Wholesale.Common;

/// <summary>How a text left: <c>Sent</c> when handed to the provider; <c>Status</c> is the stored wholesale.sms_messages status.</summary>
sealed record SmsResult(bool Sent, string Status, string? Sid);

/// <summary>Sends one SMS and records it in wholesale.sms_messages. Never logs the body (it can hold codes).</summary>
interface ISmsSender
{
    Task<SmsResult> SendAsync(string toE164, string body, string purpose, CancellationToken ct);
}

/// <summary>The default without a provider: the message stays in wholesale.sms_messages with status 'outbox' and a log line says so.</summary>
sealed class OutboxSmsSender(Db db, ILogger<OutboxSmsSender> log) : ISmsSender
{
    public async Task<SmsResult> SendAsync(string toE164, string body, string purpose, CancellationToken ct)
    {
        await using var cmd = db.App.CreateCommand("""
            insert into wholesale.sms_messages (to_phone, body, purpose, status) values ($1, $2, $3, 'outbox')
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = toE164 });
        cmd.Parameters.Add(new NpgsqlParameter { Value = body });
        cmd.Parameters.Add(new NpgsqlParameter { Value = purpose });
        await cmd.ExecuteNonQueryAsync(ct);
        log.LogInformation("SMS to {Phone} ({Purpose}) kept in wholesale.sms_messages (no SMS provider configured)", Phones.Mask(toE164), purpose);
        return new SmsResult(false, "outbox", null);
    }
}
