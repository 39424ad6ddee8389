using System.Text.Json;
using Api.Infrastructure.Database;
using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.Voice.ApproveReview;

/// <summary>Sets <c>eval_status = 'reviewed'</c> with who (<c>eval_reviewed_by</c>), when and the notes; again on a reviewed call overwrites them.</summary>
sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<JsonElement>>
{
    public async ValueTask<ErrorOr<JsonElement>> Handle(Request req, CancellationToken ct) =>
        await VoiceKit.JsonAsync(db, """
            update wholesale.call_log set eval_status = 'reviewed', eval_reviewed_by = @Actor, eval_reviewed_at = now(),
                   review_notes = coalesce(@Notes, review_notes)
             where id = @CallId and eval_status in ('complete', 'reviewed', 'flagged', 'failed')
            returning json_build_object('success', true, 'call_log_id', id, 'status', eval_status, 'reviewed_by', eval_reviewed_by,
                                        'reviewed_at', eval_reviewed_at, 'notes', review_notes)::text
            """, new { req.CallId, req.Actor, Notes = string.IsNullOrWhiteSpace(req.Notes) ? null : req.Notes.Trim() }, ct)
        ?? (ErrorOr<JsonElement>)Error.NotFound("Call.NotFound", "no evaluated call with that id");
}
