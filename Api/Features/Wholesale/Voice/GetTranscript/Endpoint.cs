using Api.Infrastructure.Database;
using FastEndpoints;
using LinqToDB.Data;

namespace Api.Features.Wholesale.Voice.GetTranscript;

/// <summary>A transcript kept in the database (no S3 storage configured), as plain text; staff or a key with the voice scope.</summary>
sealed class Endpoint : EndpointWithoutRequest
{
    public override void Configure()
    {
        Get("api/voice/transcripts/{**key}");
        Group<WholesaleGroup>();
        this.StaffOrApiKey("voice");
        Description(b => b.WithSummary("A stored call transcript (database storage)"));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var key = Route<string>("key") ?? "";
        var db = Resolve<AppDb>();   // not a constructor dependency: FastEndpoints builds endpoints before the database starts
        var rows = await db.QueryToListAsync<string>("select content from wholesale.call_transcripts where key = @key", new { key }, ct);
        if (rows is not [var content])
        {
            await Api.Infrastructure.Http.ApiErrors.WriteAsync(HttpContext, Api.Infrastructure.Http.ApiErrors.From([ErrorOr.Error.NotFound("Transcript.NotFound", "Transcript not found")]), ct);
            return;
        }
        await Send.StringAsync(content, 200, key.EndsWith(".json") ? "application/json" : "text/plain; charset=utf-8", ct);
    }
}
