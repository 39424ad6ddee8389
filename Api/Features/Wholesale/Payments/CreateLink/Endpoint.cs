using Api.Features.Wholesale.Common;
using Api.Infrastructure.Auth;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Payments.CreateLink;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/payments/create-link");
        Group<WholesaleGroup>();
        this.AnyCaller();
        Description(b => b.WithSummary("Single-use Stripe Payment Link for an order's balance (staff, a voice key, or the customer for their own order); " +
                                       "503 with fallback_url when Stripe is not configured")
            .Produces<Response>().Produces<Response>(503));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var result = await mediator.Send(req with { Caller = Caller.From(User), VoiceScope = User.HasScope("voice") }, ct);
        if (result is { IsError: false, Value.Success: false }) await Send.ResponseAsync(result.Value, StatusCodes.Status503ServiceUnavailable, ct);
        else await Send.ResultAsync(result, ct);
    }
}
