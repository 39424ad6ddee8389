using System.Text.Json;
using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Voice.CallComplete;

/// <summary>
/// Signature first (401 otherwise, also when no secret is configured), then the body (400 per field). A <c>call_id</c> already
/// logged answers <c>duplicate: true</c> and does nothing. Otherwise the transcript is stored (S3 or the table, as upload-transcript;
/// a storage error keeps the text on the call row and is logged), and in one transaction: the call row, linked to the caller's
/// customer by phone (or, when an order was placed and the number is unknown, a new <c>caller</c> customer), to the order by number,
/// and an evaluation job.
/// </summary>
sealed class Handler(AppDb db, IConfiguration config, TimeProvider clock, ILogger<Handler> log) : IRequestHandler<Request, ErrorOr<JsonElement>>
{
    public async ValueTask<ErrorOr<JsonElement>> Handle(Request req, CancellationToken ct)
    {
        var secret = VoiceSettings.WebhookSecret(config);
        if (secret is null) log.LogWarning("Voice webhook refused: Wholesale:Voice:WebhookSecret is not configured");
        if (secret is null || !Signature.Valid(secret, req.Signature, req.Body, clock.GetUtcNow()))
            return Error.Unauthorized("Webhook.Signature", "invalid or stale ElevenLabs-Signature");

        Payload? p;
        try { p = JsonSerializer.Deserialize<Payload>(req.Body, VoiceKit.SnakeJson); }
        catch (JsonException) { return VoiceKit.Invalid("body", "the body is not valid JSON of the documented shape"); }
        if (p is null) return VoiceKit.Invalid("body", "a JSON object is required");
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(p.CallId) || p.CallId.Length > 200) errors.Add(VoiceKit.Invalid("call_id", "call_id is required"));
        if (string.IsNullOrWhiteSpace(p.Status)) errors.Add(VoiceKit.Invalid("status", "status is required"));
        if (p.Duration is null or < 0) errors.Add(VoiceKit.Invalid("duration", "duration (seconds, 0 or more) is required"));
        if (p.StartTime is null) errors.Add(VoiceKit.Invalid("start_time", "start_time is required"));
        if (p.EndTime is null) errors.Add(VoiceKit.Invalid("end_time", "end_time is required"));
        var phone = string.IsNullOrWhiteSpace(p.PhoneNumber) ? null : Phones.ToE164(p.PhoneNumber);
        if (phone is null) errors.Add(VoiceKit.Invalid("phone_number", "phone_number must be a valid phone number"));
        if (p.ToolOutputs is { ValueKind: not (JsonValueKind.Array or JsonValueKind.Null) }) errors.Add(VoiceKit.Invalid("tool_outputs", "tool_outputs is a list"));
        if (errors.Count > 0) return errors;

        var callId = p.CallId!.Trim();
        if ((await db.QueryToListAsync<long>("select id from wholesale.call_log where call_id = @callId", new { callId }, ct)).Count > 0)
            return VoiceKit.ToJson(new { success = true, duplicate = true, call_id = callId });

        string? url = null;
        if (!string.IsNullOrWhiteSpace(p.Transcript))
        {
            var (s3, missing) = Transcripts.Resolve(config);
            if (missing is not null) log.LogWarning("Transcript of call {CallId} kept on the call row only: {Missing}", callId, missing);
            else
            {
                try
                {
                    var key = Transcripts.Key(p.StartTime ?? clock.GetUtcNow(), phone, callId, "txt");
                    url = (await Transcripts.SaveAsync(db, s3, req.BaseUrl, key, p.Transcript, phone, callId, ct)).Url;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogWarning(e, "Transcript of call {CallId} could not be stored; kept on the call row", callId);
                }
            }
        }

        await using var tx = await db.BeginTransactionAsync(ct);
        var ids = await db.QueryToListAsync<Ids>("""
            with agent as (select id from wholesale.voice_agents where platform_agent_id = @AgentId limit 1),
            known as (
                select c.id from wholesale.customers c
                 where c.phone = @Phone and c.deleted_at is null and c.merged_into is null
                 order by (c.kind = 'account') desc, c.id limit 1),
            ord as (select o.id, o.customer_id from wholesale.orders o where o.order_number = @OrderNumber and o.deleted_at is null),
            created as (
                insert into wholesale.customers (kind, phone)
                select 'caller', @Phone where @OrderPlaced and not exists (select from known) and not exists (select from ord where customer_id is not null)
                returning id),
            ins as (
                insert into wholesale.call_log (call_id, call_type, direction, agent_id, caller_phone, customer_id, status, duration_seconds,
                                                start_time, end_time, transcript, transcript_url, order_placed, order_number, order_id, tool_outputs)
                values (@CallId, case when @Direction = 'outbound' then 'outbound_sales' else 'inbound_order' end,
                        case when @Direction = 'outbound' then 'outbound' else 'inbound' end, (select id from agent), @Phone,
                        coalesce((select customer_id from ord), (select id from known), (select id from created)), @Status, @Duration,
                        @StartTime, @EndTime, @Transcript, @Url, @OrderPlaced, @OrderNumber, (select id from ord), cast(@Tools as jsonb))
                on conflict (call_id) do nothing
                returning id, customer_id)
            select id as "Id", customer_id as "CustomerId" from ins
            """, new
        {
            CallId = callId, AgentId = p.AgentId, Phone = phone, OrderNumber = p.OrderNumber?.Trim().ToUpperInvariant(), OrderPlaced = p.OrderPlaced == true,
            Direction = p.Direction?.Trim().ToLowerInvariant(), Status = p.Status!.Trim(), Duration = p.Duration!.Value, StartTime = p.StartTime!.Value.UtcDateTime,
            EndTime = p.EndTime!.Value.UtcDateTime, Transcript = p.Transcript, Url = url,
            Tools = p.ToolOutputs is { ValueKind: JsonValueKind.Array } t ? t.GetRawText() : "[]",
        }, ct);
        if (ids is not [var row])
        {
            await tx.RollbackAsync(ct);
            return VoiceKit.ToJson(new { success = true, duplicate = true, call_id = callId });
        }
        var jobId = await Evaluation.Job.EnqueueAsync(db, row.Id, ct);
        await tx.CommitAsync(ct);
        return VoiceKit.ToJson(new { success = true, call_log_id = row.Id, customer_id = row.CustomerId, transcript_url = url, evaluation_job_id = jobId });
    }

    sealed class Ids
    {
        public long Id { get; init; }
        public long? CustomerId { get; init; }
    }
}
