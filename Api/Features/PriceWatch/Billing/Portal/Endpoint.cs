using Api.Features.PriceWatch.Common;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using Api.Infrastructure.Integrations.Stripe;
using ErrorOr;
using FastEndpoints;
using LinqToDB.Data;
using Mediator;
using Stripe;

namespace Api.Features.PriceWatch.Billing.Portal;

/// <summary>
/// <c>POST /api/billing/portal</c> (owner, admin; 403 otherwise, as checkout): a Stripe Billing Portal session for the workspace's Stripe customer. 404 when the workspace
/// has never subscribed (no customer yet), 503 when Stripe is not configured, 502 when it fails.
/// </summary>
sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Post("api/billing/portal");
        Group<PriceWatchGroup>();
        Description(b => b.WithTags("PriceWatch").WithSummary("Create a Stripe Billing Portal session").Produces<Response>());
    }

    public override async Task HandleAsync(CancellationToken ct) => await Send.ResultAsync(await mediator.Send(new Request(), ct), ct);
}

sealed record Request : IRequest<ErrorOr<Response>>;

sealed record Response(string PortalUrl);

sealed class Handler(AppDb db, Caller caller, StripeGateway stripe, IConfiguration config) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (caller.Require("admin") is { } forbidden) return forbidden;   // as checkout: owner or admin
        if (stripe.Client is not { } client) return Error.Custom(503, "PriceWatch.BillingNotConfigured", "Billing is not configured");
        await using var tx = await PwTx.BeginAsync(db, caller, ct);
        var customer = await db.QueryToListAsync<string?>(
            "select stripe_customer_id from pricewatch.subscriptions where tenant_id = @TenantId", new { caller.TenantId }, ct);
        await tx.CommitAsync(ct);
        if (customer is not [{ } id]) return Error.NotFound("PriceWatch.NoBillingAccount", "No billing account yet: subscribe to a plan first");
        var app = (config["PriceWatch:AppUrl"] is { Length: > 0 } a ? a : "http://localhost:3000").TrimEnd('/');
        try
        {
            var session = await new Stripe.BillingPortal.SessionService(client).CreateAsync(new Stripe.BillingPortal.SessionCreateOptions
            {
                Customer = id,
                ReturnUrl = config["Integrations:Stripe:PortalReturnUrl"] is { Length: > 0 } r ? r : $"{app}/billing",
            }, cancellationToken: ct);
            return new Response(session.Url);
        }
        catch (StripeException e)
        {
            return Error.Custom(502, "PriceWatch.StripeError", $"Payment provider error: {e.StripeError?.Message ?? e.Message}");
        }
    }
}
