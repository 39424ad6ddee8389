using System.Text.Json;
using Api.Infrastructure.Database;
using Api.Infrastructure.Integrations.OpenAi;
using Api.Infrastructure.Jobs;
using LinqToDB.Data;

namespace Api.Features.Wholesale.Voice.Evaluation;

/// <summary>
/// Grades one call and stores the verdict on <c>wholesale.call_log</c>: through the OpenAI-compatible chat model (JSON answer)
/// when one is configured, else — or when the model fails or answers unusably — the <see cref="LocalEvaluator"/>, with the model's
/// failure kept in <c>eval_error</c>. Never silent: every run ends <c>complete</c> with a method and a summary.
/// </summary>
public static class CallEvaluation
{
    public const string Prompt = """
        You grade a phone call between a restaurant-supply voice agent and a caller. The agent may only state prices, products and
        order numbers that appear in the tool outputs. Answer a JSON object: {"score": 0-100, "hallucination": bool, "resolved": bool,
        "escalation_needed": bool, "dnc_violation": bool, "reasons": [short strings], "summary": "one sentence"}.
        """;

    sealed class CallRow
    {
        public long Id { get; init; }
        public string? Transcript { get; init; }
        public string ToolOutputs { get; init; } = "[]";
        public bool OrderPlaced { get; init; }
        public string? OrderNumber { get; init; }
        public string? Status { get; init; }
        public bool DoNotCall { get; init; }
        public string Direction { get; init; } = "inbound";
    }

    /// <summary>Null when the call does not exist.</summary>
    public static async Task<JsonElement?> RunAsync(AppDb db, OpenAiClient ai, long callLogId, ILogger log, CancellationToken ct)
    {
        if (await db.QueryToListAsync<CallRow>("""
                update wholesale.call_log set eval_status = 'running' where id = @Id
                returning id as "Id", transcript as "Transcript", tool_outputs::text as "ToolOutputs", order_placed as "OrderPlaced",
                          order_number as "OrderNumber", status as "Status", direction as "Direction",
                          coalesce((select do_not_call from wholesale.customers c where c.id = call_log.customer_id), false)
                          or exists (select 1 from wholesale.do_not_call d where d.phone = call_log.caller_phone) as "DoNotCall"
                """, new { Id = callLogId }, ct) is not [var call]) return null;
        using var tools = JsonDocument.Parse(call.ToolOutputs);
        var facts = new CallFacts(call.Transcript, tools.RootElement, call.OrderPlaced, call.OrderNumber, call.Status, call.DoNotCall, call.Direction);
        Verdict verdict; string method; string? error = null;
        if (ai.ChatConfigured && !string.IsNullOrWhiteSpace(call.Transcript))
        {
            try
            {
                var user = $"Transcript:\n{Truncate(call.Transcript, 12000)}\n\nTool outputs (JSON):\n{Truncate(call.ToolOutputs, 8000)}\n\nOrder placed: {call.OrderPlaced} {call.OrderNumber}";
                verdict = Parse(await ai.ChatJsonAsync(Prompt, user, 600, ct));
                method = "llm";
            }
            catch (Exception e) when (e is OpenAiException or JsonException or FormatException)
            {
                log.LogWarning("Chat evaluation of call {Id} failed ({Error}); using the local evaluator", callLogId, e.Message);
                verdict = LocalEvaluator.Evaluate(facts);
                method = "local";
                error = "chat model failed: " + e.Message;
            }
        }
        else { verdict = LocalEvaluator.Evaluate(facts); method = "local"; }

        return await VoiceKit.JsonAsync(db, """
            with u as (
                update wholesale.call_log set eval_status = 'complete', eval_score = @Score, eval_hallucination = @Hallucination, eval_resolved = @Resolved,
                       eval_escalation_needed = @Escalation, eval_dnc_violation = @Dnc, eval_reasons = cast(@Reasons as jsonb), eval_summary = @Summary,
                       eval_method = @Method, eval_error = @Error, evaluated_at = now()
                 where id = @Id returning *)
            select json_build_object('id', id, 'call_id', call_id, 'call_type', call_type, 'direction', direction, 'caller_phone', caller_phone,
                   'customer_id', customer_id, 'eval_status', eval_status, 'eval_score', eval_score, 'eval_hallucination', eval_hallucination,
                   'eval_resolved', eval_resolved, 'eval_escalation_needed', eval_escalation_needed, 'eval_dnc_violation', eval_dnc_violation,
                   'eval_reasons', eval_reasons, 'eval_summary', eval_summary, 'eval_method', eval_method, 'eval_error', eval_error,
                   'evaluated_at', evaluated_at)::text from u
            """, new
        {
            Id = callLogId, verdict.Score, verdict.Hallucination, verdict.Resolved, Escalation = verdict.EscalationNeeded, Dnc = verdict.DncViolation,
            Reasons = JsonSerializer.Serialize(verdict.Reasons), verdict.Summary, Method = method, Error = error,
        }, ct);
    }

    static string Truncate(string s, int n) => s.Length <= n ? s : s[..n];

    static Verdict Parse(string text)
    {
        using var doc = JsonDocument.Parse(text);
        var r = doc.RootElement;
        if (r.ValueKind != JsonValueKind.Object || !r.TryGetProperty("score", out var s) || !s.TryGetDecimal(out var score) || score is < 0 or > 100)
            throw new FormatException("the model's answer had no score between 0 and 100");
        bool B(string n) => r.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.True;
        var reasons = r.TryGetProperty("reasons", out var rs) && rs.ValueKind == JsonValueKind.Array
            ? rs.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).Take(20).ToList() : [];
        var summary = r.TryGetProperty("summary", out var sm) && sm.ValueKind == JsonValueKind.String ? sm.GetString()! : "";
        return new Verdict(decimal.Round(score, 1), B("hallucination"), B("resolved"), B("escalation_needed"), B("dnc_violation"), reasons, summary);
    }
}

/// <summary>The durable evaluation of one call (platform job <see cref="Type"/>), enqueued by the webhook and by evaluate (async).</summary>
sealed class Job(AppDb db, OpenAiClient ai, ILogger<Job> log) : IJobHandler
{
    public const string Type = "wholesale.voice.evaluate";
    public sealed record Payload(long CallLogId);

    public static async Task<long> EnqueueAsync(AppDb db, long callLogId, CancellationToken ct)
    {
        var jobId = await JobQueue.EnqueueAsync(db, Type, new Payload(callLogId), maxAttempts: 3, ct: ct);
        await db.ExecuteAsync("update wholesale.call_log set eval_status = 'pending', eval_job_id = @JobId where id = @Id", new { JobId = jobId, Id = callLogId }, ct);
        return jobId;
    }

    public async Task<object?> RunAsync(JobRun job, CancellationToken ct)
    {
        var id = job.PayloadAs<Payload>().CallLogId;
        await job.ReportAsync(0, 1, "evaluating the call", ct);
        var result = await CallEvaluation.RunAsync(db, ai, id, log, ct);
        await job.ReportAsync(1, 1, result is null ? "the call no longer exists" : "evaluated", ct);
        return new { call_log_id = id, evaluated = result is not null };
    }
}
