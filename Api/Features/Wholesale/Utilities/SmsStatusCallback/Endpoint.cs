using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Utilities.SmsStatusCallback;

/// <summary>Twilio posts a form; the handler needs all of it (and the URL) to check <c>X-Twilio-Signature</c>.</summary>
sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Post("api/sms/status-callback");
        Group<WholesaleGroup>();
        this.Public();
        Description(b => b.WithSummary("Twilio message status callback (signed); 204").Produces(204).Accepts<Dictionary<string, string>>("application/x-www-form-urlencoded"));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            if (HttpContext.Request.HasFormContentType)
                foreach (var (k, v) in await HttpContext.Request.ReadFormAsync(ct)) form[k] = v.ToString();
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException or InvalidOperationException)
        {   // a malformed or oversized form: not a Twilio callback
            await ApiErrors.WriteAsync(HttpContext, new ApiError(400, "BAD_FORM", "The body is not a readable form"), ct);
            return;
        }
        var r = HttpContext.Request;
        var url = $"{r.Scheme}://{r.Host}{r.PathBase}{r.Path}{r.QueryString}";
        await Send.ResultAsync(await mediator.Send(new Request(url, r.Headers["X-Twilio-Signature"].ToString(), form), ct), ct);
    }
}
