using System.Text.Json;
using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using Api.Infrastructure.Integrations.S3;
using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.Voice.UploadTranscript;

/// <summary>400 nothing given; 503 storage chosen but a setting missing (<c>detail</c> names it); 502 the store refused. See <see cref="Transcripts"/>.</summary>
sealed class Handler(AppDb db, IConfiguration config, TimeProvider clock, ILogger<Handler> log) : IRequestHandler<Request, ErrorOr<JsonElement>>
{
    public async ValueTask<ErrorOr<JsonElement>> Handle(Request req, CancellationToken ct)
    {
        if (req.Problem is { } p) return VoiceKit.Invalid(req.ProblemField, p);
        if (string.IsNullOrWhiteSpace(req.Transcript)) return VoiceKit.Invalid("transcript", "No transcript text or file provided");
        if (req.CallId is { Length: > 200 }) return VoiceKit.Invalid("call_id", "at most 200 characters");
        string? phone = null;
        if (!string.IsNullOrWhiteSpace(req.Phone) && (phone = Phones.ToE164(req.Phone)) is null) return VoiceKit.Invalid("phone", "not a valid phone number");
        var (s3, missing) = Transcripts.Resolve(config);
        if (missing is not null)
            return Error.Custom(503, "Transcripts.NotConfigured", "Transcript storage not configured", new Dictionary<string, object> { ["detail"] = missing });
        var key = Transcripts.Key(clock.GetUtcNow(), phone, req.CallId, req.Extension);
        try
        {
            var stored = await Transcripts.SaveAsync(db, s3, req.BaseUrl, key, req.Transcript, phone, req.CallId, ct);
            return VoiceKit.ToJson(new { success = true, transcript_url = stored.Url, key = stored.Key, bucket = stored.Bucket, size_bytes = stored.SizeBytes });
        }
        catch (S3UploadException e)
        {
            log.LogWarning("Transcript upload to {Key} failed: {Error}", key, e.Message);
            return Error.Custom(502, "Transcripts.UploadFailed", "Transcript upload failed", new Dictionary<string, object> { ["detail"] = e.Message });
        }
    }
}
