using System.Text.Json;
using Api.Infrastructure.Database;
using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.Voice.ReviewQueue;

/// <summary>
/// The queue: inbound calls whose evaluation scored under <c>Wholesale:Voice:ReviewScoreThreshold</c> (default 70) or flagged a
/// hallucination, escalation or do-not-call problem, plus outbound calls the checker failed; filtered by <c>eval_status</c>
/// (default <c>complete</c>: not yet reviewed), type and agent, newest first.
/// </summary>
sealed class Handler(AppDb db, IConfiguration config) : IRequestHandler<Request, ErrorOr<JsonElement>>
{
    public async ValueTask<ErrorOr<JsonElement>> Handle(Request req, CancellationToken ct) =>
        await VoiceKit.JsonAsync(db, """
            with q as (
                select l.* from wholesale.call_log l
                 where l.eval_status = @Status
                   and (@CallType = 'all' or l.call_type = @CallType)
                   and (@AgentId is null or l.agent_id = @AgentId)
                   and ((l.call_type = 'inbound_order' and (l.eval_score < @Threshold or l.eval_hallucination or l.eval_escalation_needed or l.eval_dnc_violation))
                        or (l.call_type = 'outbound_sales' and l.checker_verdict = 'fail'))
                 order by l.created_at desc, l.id desc limit @Limit)
            select json_build_object('calls', coalesce(json_agg(json_build_object(
                'id', q.id, 'call_type', q.call_type, 'direction', q.direction, 'caller_phone', q.caller_phone, 'customer_id', q.customer_id,
                'agent_id', q.agent_id, 'sub_agent_name', coalesce(q.sub_agent_name, a.name), 'eval_status', q.eval_status, 'eval_score', q.eval_score,
                'eval_hallucination', q.eval_hallucination, 'eval_escalation_needed', q.eval_escalation_needed, 'eval_reasons', q.eval_reasons,
                'eval_reviewed_by', q.eval_reviewed_by, 'eval_reviewed_at', q.eval_reviewed_at, 'review_notes', q.review_notes,
                'checker_verdict', q.checker_verdict, 'checker_reasons', q.checker_reasons, 'transcript_url', q.transcript_url,
                'created_at', q.created_at) order by q.created_at desc, q.id desc), '[]'))::text
              from q left join wholesale.voice_agents a on a.id = q.agent_id
            """, new
        {
            Status = req.Status ?? "complete", CallType = req.CallType ?? "all", req.AgentId, Limit = req.Limit ?? 100,
            Threshold = VoiceSettings.ReviewScoreThreshold(config),
        }, ct) ?? VoiceKit.ToJson(new { calls = Array.Empty<object>() });
}
