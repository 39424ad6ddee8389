using System.Text.Json;
using Api.Infrastructure.Database;
using Api.Infrastructure.Integrations.OpenAi;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Voice.Evaluate;

/// <summary>
/// <c>async</c> (default true): a durable evaluation job (pollable at <c>/platform/v1/jobs/{job_id}</c>, and on the call row's <c>eval_status</c>), answering at once; false: graded now,
/// answering the stored verdict. Through the chat model when configured, else the documented local evaluator (see CallEvaluation).
/// </summary>
sealed class Handler(AppDb db, OpenAiClient ai, ILogger<Handler> log) : IRequestHandler<Request, ErrorOr<JsonElement>>
{
    public async ValueTask<ErrorOr<JsonElement>> Handle(Request req, CancellationToken ct)
    {
        var id = req.CallLogId!.Value;
        if ((await db.QueryToListAsync<long>("select id from wholesale.call_log where id = @id", new { id }, ct)).Count == 0)
            return Error.NotFound("Call.NotFound", "no call with that call_log_id");
        if (req.Async != false)
        {
            long jobId;
            await using (var tx = await db.BeginTransactionAsync(ct))
            {
                jobId = await Evaluation.Job.EnqueueAsync(db, id, ct);
                await tx.CommitAsync(ct);
            }
            return VoiceKit.ToJson(new { success = true, message = "Evaluation queued.", call_log_id = id, job_id = jobId, status_url = $"/platform/v1/jobs/{jobId}" });
        }
        var call = await Evaluation.CallEvaluation.RunAsync(db, ai, id, log, ct);
        if (call is null) return Error.NotFound("Call.NotFound", "no call with that call_log_id");
        return VoiceKit.ToJson(new { success = true, call_log_id = id, call });
    }
}
