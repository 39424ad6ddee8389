using System.Text.Json;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Voice.UploadTranscript;

/// <summary>JSON <c>{transcript, call_id, phone}</c> or multipart (<c>file</c> .txt/.json up to 2 MB, <c>call_id</c>, <c>phone</c>).</summary>
sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<JsonElement>
{
    public const int MaxBytes = 2 * 1024 * 1024;

    public override void Configure()
    {
        Post("api/voice/upload-transcript");
        Group<WholesaleGroup>();
        this.ApiKey("voice");
        // no AllowFileUploads(): its multipart-only Accepts metadata made routing answer JSON bodies with a bare 415;
        // the body is read below as JSON or a form, whichever arrives
        Description(b => b.WithSummary("Store a call transcript (S3-compatible storage or the database) and return its URL").ProducesProblemDetails(400).ProducesProblemDetails(502).ProducesProblemDetails(503));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var req = await ReadAsync(HttpContext, ct) with { BaseUrl = Transcripts.BaseUrl(HttpContext.Request) };
        var result = await mediator.Send(req, ct);
        if (result.IsError && result.FirstError.NumericType is 502 or 503)
        {
            var detail = result.FirstError.Metadata?.GetValueOrDefault("detail") as string;
            await HttpContext.Response.SendAsync(new { success = false, error = result.FirstError.Description, detail, details = new { detail } },
                result.FirstError.NumericType, cancellation: ct);
            return;
        }
        await Send.ResultAsync(result, ct);
    }

    static async Task<Request> ReadAsync(HttpContext ctx, CancellationToken ct)
    {
        if (ctx.Request.ContentLength > MaxBytes + 64 * 1024) return new Request { Problem = "file too large (at most 2 MB)" };
        try
        {
            if (ctx.Request.HasFormContentType)
            {
                var form = await ctx.Request.ReadFormAsync(ct);
                var file = form.Files.GetFile("file");
                string? text = null, ext = "txt";
                if (file is not null)
                {
                    var name = file.FileName.ToLowerInvariant();
                    if (!(name.EndsWith(".txt") || name.EndsWith(".json"))) return new Request { Problem = "file must be a .txt or .json file", ProblemField = "file" };
                    if (file.Length > MaxBytes) return new Request { Problem = "file too large (at most 2 MB)", ProblemField = "file" };
                    using var reader = new StreamReader(file.OpenReadStream());
                    text = await reader.ReadToEndAsync(ct);
                    ext = name.EndsWith(".json") ? "json" : "txt";
                }
                else if (form["transcript"].ToString() is { Length: > 0 } t) text = t;
                return new Request { Transcript = text, Extension = ext, CallId = form["call_id"].ToString(), Phone = form["phone"].ToString() };
            }
            if (ctx.Request.ContentLength is 0 or null && !ctx.Request.Headers.TransferEncoding.Any()) return new Request();
            using var doc = await JsonDocument.ParseAsync(ctx.Request.Body, cancellationToken: ct);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return new Request { Problem = "the body must be a JSON object" };
            string? Str(string n) => root.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            if (root.TryGetProperty("transcript", out var tr) && tr.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                return new Request { Problem = "transcript must be a string", ProblemField = "transcript" };
            return new Request { Transcript = Str("transcript"), CallId = Str("call_id"), Phone = Str("phone") };
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or BadHttpRequestException)
        {
            return new Request { Problem = "the body could not be read as JSON or multipart/form-data" };
        }
    }
}
