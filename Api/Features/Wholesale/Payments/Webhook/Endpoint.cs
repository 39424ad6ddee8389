using System.Text;
using Api.Infrastructure.Http;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Payments.Webhook;

/// <summary>Beyond the document: Stripe's deliveries for Wholesale's account. No sign-in and no rate limit; the signature is the proof.</summary>
sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Post("api/payments/webhook");
        Group<WholesaleGroup>();
        this.Public();
        Description(b => b.WithSummary("Stripe webhook (Stripe-Signature): payment_intent.succeeded and checkout.session.completed of payment links, once per event")
            .Produces<Response>());
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        using var reader = new StreamReader(HttpContext.Request.Body, Encoding.UTF8);
        var payload = await reader.ReadToEndAsync(ct);
        await Send.ResultAsync(await mediator.Send(new Request(payload, HttpContext.Request.Headers["Stripe-Signature"].ToString()), ct), ct);
    }
}
