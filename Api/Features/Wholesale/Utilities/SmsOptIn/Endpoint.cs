using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Utilities.SmsOptIn;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/sms-optin");
        Group<WholesaleGroup>();
        this.Public();
        this.RateLimit(WholesaleModule.Chat);
        Description(b => b.WithSummary("Record SMS opt-in consent and text a confirmation").Produces<Response>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) =>
        await Send.ResultAsync(await mediator.Send(req with { Ip = HttpContext.Connection.RemoteIpAddress?.ToString() }, ct), ct);
}
