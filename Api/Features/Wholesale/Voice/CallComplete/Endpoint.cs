using System.Text;
using System.Text.Json;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Voice.CallComplete;

/// <summary>ElevenLabs' post-call webhook. No sign-in: the <c>ElevenLabs-Signature</c> HMAC over the raw body is the proof, checked before parsing.</summary>
sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<JsonElement>
{
    public override void Configure()
    {
        Post("api/voice/webhook/call-complete");
        Group<WholesaleGroup>();
        this.Public();
        Description(b => b.WithSummary("ElevenLabs post-call webhook (HMAC-SHA256): logs the call, stores its transcript, enqueues its evaluation"));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        using var reader = new StreamReader(HttpContext.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(ct);
        await Send.ResultAsync(await mediator.Send(new Request(body, HttpContext.Request.Headers["ElevenLabs-Signature"].ToString(),
            Transcripts.BaseUrl(HttpContext.Request)), ct), ct);
    }
}
