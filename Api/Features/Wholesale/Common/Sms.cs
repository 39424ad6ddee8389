using Api.Infrastructure.Database;
using Npgsql;

namespace Api.Features.Wholesale.Common;

/// <summary>How a text left: <see cref="Status"/> is <c>outbox</c> (stored only), or the provider's status with its <see cref="Sid"/>.</summary>
public sealed record SmsResult(bool Sent, string Status, string? Sid);

/// <summary>
/// Wholesale's outgoing texts. The default (<see cref="OutboxSmsSender"/>) stores the message in <c>wholesale.sms_messages</c>
/// with status <c>outbox</c>; the Twilio client registers its own implementation of this interface, which replaces it.
/// Implementations never log a message body (it can hold a one-time code), only the purpose and the masked number.
/// </summary>
public interface ISmsSender
{
    Task<SmsResult> SendAsync(string toE164, string body, string purpose, CancellationToken ct);
}

/// <summary>No SMS provider: the message is kept in <c>wholesale.sms_messages</c> (status <c>outbox</c>) and a log line says so.</summary>
public sealed class OutboxSmsSender(Db db, ILogger<OutboxSmsSender> log) : ISmsSender
{
    public async Task<SmsResult> SendAsync(string toE164, string body, string purpose, CancellationToken ct)
    {
        await using var cmd = db.App.CreateCommand(
            "insert into wholesale.sms_messages (to_phone, body, purpose, status) values ($1, $2, $3, 'outbox')");
        cmd.Parameters.Add(new NpgsqlParameter { Value = toE164 });
        cmd.Parameters.Add(new NpgsqlParameter { Value = body });
        cmd.Parameters.Add(new NpgsqlParameter { Value = purpose });
        await cmd.ExecuteNonQueryAsync(ct);
        log.LogInformation("SMS ({Purpose}) to {Phone} stored in wholesale.sms_messages (no SMS provider configured)", purpose, Phones.Mask(toE164));
        return new SmsResult(false, "outbox", null);
    }
}
